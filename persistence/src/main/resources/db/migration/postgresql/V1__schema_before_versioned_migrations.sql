-- Version 1: the schema exactly as EclipseLink created it from the entities before versioned
-- migrations (create-or-extend-tables). A database of that time is baselined at this version and
-- left as it is; a new database is created from this script. Change the schema only in later scripts.

CREATE TABLE account (
    id bigint NOT NULL,
    createdat timestamp without time zone NOT NULL,
    email character varying(254) NOT NULL,
    passwordhash character varying(512) NOT NULL,
    username character varying(40) NOT NULL,
    CONSTRAINT account_pkey PRIMARY KEY (id),
    CONSTRAINT account_email_key UNIQUE (email),
    CONSTRAINT account_username_key UNIQUE (username)
);

CREATE TABLE organization (
    id bigint NOT NULL,
    createdat timestamp without time zone NOT NULL,
    name character varying(100) NOT NULL,
    CONSTRAINT organization_pkey PRIMARY KEY (id)
);

CREATE TABLE membership (
    id bigint NOT NULL,
    role character varying(16) NOT NULL,
    since timestamp without time zone NOT NULL,
    account_id bigint,
    organization_id bigint,
    CONSTRAINT membership_pkey PRIMARY KEY (id),
    CONSTRAINT unq_membership_0 UNIQUE (organization_id, account_id)
);

CREATE TABLE audit_record (
    id bigint NOT NULL,
    action character varying(40) NOT NULL,
    actor character varying(40) NOT NULL,
    value_after character varying(300) NOT NULL,
    happened_at timestamp without time zone NOT NULL,
    value_before character varying(300) NOT NULL,
    organizationid bigint,
    subject character varying(300) NOT NULL,
    CONSTRAINT audit_record_pkey PRIMARY KEY (id)
);
CREATE INDEX index_audit_record_organizationid_happened_at ON audit_record (organizationid, happened_at);

CREATE TABLE workspace (
    id bigint NOT NULL,
    createdat timestamp without time zone NOT NULL,
    idaccesslevel character varying(16) NOT NULL,
    name character varying(100) NOT NULL,
    nxcloudid character varying(24) NOT NULL,
    pataccesslevel character varying(16) NOT NULL,
    organization_id bigint,
    CONSTRAINT workspace_pkey PRIMARY KEY (id),
    CONSTRAINT workspace_nxcloudid_key UNIQUE (nxcloudid)
);

CREATE TABLE workspace_access_token (
    id bigint NOT NULL,
    createdat timestamp without time zone NOT NULL,
    hint character varying(8) NOT NULL,
    level character varying(16) NOT NULL,
    name character varying(100) NOT NULL,
    revokedat timestamp without time zone,
    tokenhash character varying(64) NOT NULL,
    workspace_id bigint,
    CONSTRAINT workspace_access_token_pkey PRIMARY KEY (id),
    CONSTRAINT workspace_access_token_tokenhash_key UNIQUE (tokenhash)
);

CREATE TABLE personal_access_token (
    id bigint NOT NULL,
    createdat timestamp without time zone NOT NULL,
    expiresat timestamp without time zone,
    hint character varying(8) NOT NULL,
    lastusedat timestamp without time zone,
    lastusedip character varying(45),
    name character varying(100) NOT NULL,
    revokedat timestamp without time zone,
    tokenhash character varying(64) NOT NULL,
    account_id bigint,
    CONSTRAINT personal_access_token_pkey PRIMARY KEY (id),
    CONSTRAINT personal_access_token_tokenhash_key UNIQUE (tokenhash)
);

CREATE TABLE cache_entry (
    id bigint NOT NULL,
    hash character varying(128) NOT NULL,
    sha256 character varying(64) NOT NULL,
    size_bytes bigint NOT NULL,
    writtenat timestamp without time zone NOT NULL,
    writtenby character varying(120) NOT NULL,
    workspace_id bigint,
    CONSTRAINT cache_entry_pkey PRIMARY KEY (id),
    CONSTRAINT unq_cache_entry_0 UNIQUE (workspace_id, hash)
);

CREATE TABLE login_request (
    id bigint NOT NULL,
    clienthostname character varying(100) NOT NULL,
    clientip character varying(45) NOT NULL,
    createdat timestamp without time zone NOT NULL,
    devicecodehash character varying(64) NOT NULL,
    expiresat timestamp without time zone NOT NULL,
    lastpolledat timestamp without time zone,
    status character varying(16) NOT NULL,
    usercode character varying(9) NOT NULL,
    approvedby_id bigint,
    CONSTRAINT login_request_pkey PRIMARY KEY (id),
    CONSTRAINT login_request_devicecodehash_key UNIQUE (devicecodehash)
);
CREATE INDEX login_request_user_code ON login_request (usercode);
CREATE INDEX login_request_expires_at ON login_request (expiresat);

-- EclipseLink's table generator: every entity id comes from this row.
CREATE TABLE sequence (
    seq_name character varying(50) NOT NULL,
    seq_count numeric(38,0),
    CONSTRAINT sequence_pkey PRIMARY KEY (seq_name)
);
INSERT INTO sequence (seq_name, seq_count) VALUES ('SEQ_GEN_TABLE', 0);

ALTER TABLE membership ADD CONSTRAINT fk_membership_account_id FOREIGN KEY (account_id) REFERENCES account (id);
ALTER TABLE membership ADD CONSTRAINT fk_membership_organization_id FOREIGN KEY (organization_id) REFERENCES organization (id);
ALTER TABLE workspace ADD CONSTRAINT fk_workspace_organization_id FOREIGN KEY (organization_id) REFERENCES organization (id);
ALTER TABLE workspace_access_token ADD CONSTRAINT fk_workspace_access_token_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspace (id);
ALTER TABLE personal_access_token ADD CONSTRAINT fk_personal_access_token_account_id FOREIGN KEY (account_id) REFERENCES account (id);
ALTER TABLE cache_entry ADD CONSTRAINT fk_cache_entry_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspace (id);
ALTER TABLE login_request ADD CONSTRAINT fk_login_request_approvedby_id FOREIGN KEY (approvedby_id) REFERENCES account (id);
