-- Test only: H2 keeps the first statement, then the second fails.
CREATE TABLE HALF_DONE (ID BIGINT PRIMARY KEY);
ALTER TABLE NO_SUCH_TABLE ADD COLUMN X INT;
