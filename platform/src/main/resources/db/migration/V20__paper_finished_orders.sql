-- Paper venues remember their last 1,000 finished (filled or cancelled) orders per account, so cancelling one again
-- answers its final state; this keeps that memory across restarts (issue 4). Rows are appended as orders finish and
-- pruned to the newest 1,000 per account by finished_seq. No foreign key to paper_accounts: that row is rewritten by
-- every save (as paper_fills, this is history appended beside it).
-- Written in the SQL that PostgreSQL and H2 (PostgreSQL mode) share.
create table paper_finished_orders (
    venue_key       varchar(200) not null,
    order_id        varchar(64)  not null,
    finished_seq    bigint       not null,
    status          varchar(20)  not null,
    sym             varchar(32)  not null,
    side            varchar(4)   not null,
    order_type      varchar(8)   not null,
    post_only       boolean      not null,
    text            varchar(500),
    price_ticks     bigint       not null,
    size_units      bigint       not null,
    filled_units    bigint       not null,
    sequence_no     bigint       not null,
    time_ms         bigint       not null,
    filled_notional varchar(100) not null,
    primary key (venue_key, order_id)
);

create index paper_finished_orders_by_seq on paper_finished_orders (venue_key, finished_seq);
