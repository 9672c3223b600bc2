-- Version 6: the S3 object that holds an entry's bytes (GATEHOUSE_CACHE_STORE=s3); none in a folder.
ALTER TABLE CACHE_ENTRY ADD COLUMN OBJECTKEY VARCHAR(256);
