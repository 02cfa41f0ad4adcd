-- Paper venue state (issue 4): the current wallet ledger, positions and open orders of each paper account, replaced
-- on every snapshot, and the append-only fill history. venue_key identifies one account's paper venue.
-- Written in the SQL that PostgreSQL and H2 (PostgreSQL mode) share.
create table paper_accounts (
    venue_key   varchar(200) primary key,
    exchange_id varchar(32)  not null,
    venue_name  varchar(100) not null,
    saved_at    timestamp with time zone not null default current_timestamp
);

create table paper_balances (
    venue_key varchar(200)   not null references paper_accounts (venue_key) on delete cascade,
    currency  varchar(16)    not null,
    balance   numeric(38, 18) not null,
    deposited numeric(38, 18) not null,
    realised  numeric(38, 18) not null,
    fees      numeric(38, 18) not null,
    primary key (venue_key, currency)
);

-- entry_value is kept as exact decimal text: inverse contracts carry up to 34 significant digits.
create table paper_positions (
    venue_key    varchar(200)   not null references paper_accounts (venue_key) on delete cascade,
    sym          varchar(32)    not null,
    units        bigint         not null,
    entry_value  varchar(100)   not null,
    realised_pnl numeric(38, 18) not null,
    primary key (venue_key, sym)
);

create table paper_open_orders (
    venue_key       varchar(200)   not null references paper_accounts (venue_key) on delete cascade,
    order_id        varchar(64)    not null,
    sym             varchar(32)    not null,
    side            varchar(4)     not null,
    order_type      varchar(8)     not null,
    post_only       boolean        not null,
    text            varchar(500),
    price_ticks     bigint         not null,
    size_units      bigint         not null,
    filled_units    bigint         not null,
    queue_ahead     bigint         not null,
    sequence_no     bigint         not null,
    time_ms         bigint         not null,
    filled_notional varchar(100)   not null,
    primary key (venue_key, order_id)
);

create table paper_fills (
    trade_id     varchar(64)    primary key,
    venue_key    varchar(200)   not null,
    order_id     varchar(80)    not null,
    sym          varchar(32)    not null,
    side         varchar(4)     not null,
    order_type   varchar(8)     not null,
    price        numeric(38, 18) not null,
    size         numeric(38, 18) not null,
    maker        boolean        not null,
    fee          numeric(38, 18) not null,
    fee_currency varchar(16)    not null,
    liquidation  boolean        not null,
    time_ms      bigint         not null
);

create index paper_fills_by_venue_time on paper_fills (venue_key, time_ms);
