-- An account's script files: the current version of each live path, and every version ever saved.
create table script_files (
    account_id bigint       not null references accounts (id) on delete cascade,
    path       varchar(255) not null,
    version    integer      not null,
    size_bytes integer      not null,
    updated_at timestamp with time zone not null,
    primary key (account_id, path)
);

create table script_file_versions (
    account_id bigint         not null references accounts (id) on delete cascade,
    path       varchar(255)   not null,
    version    integer        not null,
    content    varchar(262144),
    deleted    boolean        not null default false,
    size_bytes integer        not null,
    created_at timestamp with time zone not null,
    primary key (account_id, path, version)
);
