-- The utility's data model: organisation, network, customers, metering, billing and collection.
-- Money is numeric(12,2) CNY, energy numeric(12,2) kWh. Timestamps are timestamptz; calendar days are date.

-- Organisation: districts (supervised), grid areas (网格) each owned by one grid service staff member.
create table district (
    id          int primary key,
    code        varchar(16) not null unique,
    name        varchar(64) not null
);

create table staff (
    id            int primary key,
    staff_no      varchar(16) not null unique,
    name          varchar(64) not null,
    mobile        varchar(20) not null,
    role          varchar(16) not null check (role in ('AGENT', 'SUPERVISOR', 'ADMIN')),
    voltage_class varchar(2)  check (voltage_class in ('HV', 'LV')),
    district_id   int references district (id),
    active        boolean not null default true
);
create index staff_district_idx on staff (district_id, role);

create table grid_area (
    id             int primary key,
    code           varchar(16) not null unique,
    name           varchar(64) not null,
    district_id    int not null references district (id),
    voltage_class  varchar(2) not null check (voltage_class in ('HV', 'LV')),
    owner_staff_id int not null unique references staff (id)
);
create index grid_area_district_idx on grid_area (district_id);

-- Network: substation → 10 kV feeder → transformer area (台区) → customer. Outages are scoped by feeder and/or
-- transformer area; HV customers hang directly off a feeder.
create table substation (
    id          int primary key,
    code        varchar(16) not null unique,
    name        varchar(64) not null,
    district_id int not null references district (id)
);

create table feeder (
    id            int primary key,
    code          varchar(16) not null unique,
    name          varchar(64) not null,
    substation_id int not null references substation (id)
);
create index feeder_substation_idx on feeder (substation_id);

create table transformer_area (
    id           int primary key,
    code         varchar(16) not null unique,
    name         varchar(64) not null,
    feeder_id    int not null references feeder (id),
    grid_area_id int not null references grid_area (id),
    capacity_kva int not null check (capacity_kva > 0),
    latitude     numeric(9, 6) not null,
    longitude    numeric(9, 6) not null
);
create index transformer_area_feeder_idx on transformer_area (feeder_id);
create index transformer_area_grid_area_idx on transformer_area (grid_area_id);
create index transformer_area_location_idx on transformer_area (latitude, longitude);

-- Tariffs: configuration, not code. Seeded with typical Guangdong values; a utility edits the rows.
create table tariff_plan (
    code                   varchar(24) primary key,
    name                   varchar(64) not null,
    voltage_class          varchar(2) not null check (voltage_class in ('HV', 'LV')),
    pricing                varchar(16) not null check (pricing in ('TIERED', 'TIME_OF_USE', 'FLAT', 'TWO_PART')),
    energy_price           numeric(8, 4) not null check (energy_price > 0),
    peak_ratio             numeric(5, 3),
    valley_ratio           numeric(5, 3),
    demand_charge_per_kva  numeric(8, 2),
    surcharge_per_kwh      numeric(8, 4) not null default 0,
    summer_first_month     smallint check (summer_first_month between 1 and 12),
    summer_last_month      smallint check (summer_last_month between 1 and 12),
    late_fee_daily_rate    numeric(6, 5) not null,
    late_fee_cross_year_daily_rate numeric(6, 5) not null
);

create table tariff_tier (
    plan_code    varchar(24) not null references tariff_plan (code),
    season       varchar(10) not null check (season in ('SUMMER', 'NON_SUMMER')),
    tier         smallint not null check (tier between 1 and 3),
    upper_kwh    int check (upper_kwh > 0),
    price_markup numeric(8, 4) not null check (price_markup >= 0),
    primary key (plan_code, season, tier)
);

insert into tariff_plan values
    ('RES_TIERED', '居民阶梯电价', 'LV', 'TIERED', 0.5880, null, null, null, 0.0000, 5, 10, 0.00100, 0.00100),
    ('RES_TOU', '居民峰谷电价', 'LV', 'TIME_OF_USE', 0.5880, 1.650, 0.380, null, 0.0000, null, null, 0.00100, 0.00100),
    ('COMMERCIAL_LV', '一般工商业（不满1千伏）', 'LV', 'FLAT', 0.6650, null, null, null, 0.0280, null, null, 0.00200, 0.00300),
    ('COMMERCIAL_HV', '一般工商业（1-10千伏）', 'HV', 'TIME_OF_USE', 0.6410, 1.700, 0.380, null, 0.0280, null, null, 0.00200, 0.00300),
    ('LARGE_INDUSTRIAL', '大工业（1-10千伏）两部制', 'HV', 'TWO_PART', 0.6030, 1.700, 0.380, 32.00, 0.0280, null, null, 0.00200, 0.00300);

insert into tariff_tier values
    ('RES_TIERED', 'SUMMER', 1, 260, 0.0000),
    ('RES_TIERED', 'SUMMER', 2, 600, 0.0500),
    ('RES_TIERED', 'SUMMER', 3, null, 0.3000),
    ('RES_TIERED', 'NON_SUMMER', 1, 200, 0.0000),
    ('RES_TIERED', 'NON_SUMMER', 2, 400, 0.0500),
    ('RES_TIERED', 'NON_SUMMER', 3, null, 0.3000);

-- Channels customers pay through (payment_channel) and the utility contacts them through (contact_channel).
create table payment_channel (
    code        varchar(24) primary key,
    name        varchar(64) not null,
    kind        varchar(16) not null check (kind in ('ONLINE', 'BANK', 'COUNTER', 'AGENT', 'PREPAID', 'PHONE'))
);

insert into payment_channel values
    ('WECHAT_PAY', '微信支付（公众号）', 'ONLINE'),
    ('ALIPAY', '支付宝', 'ONLINE'),
    ('APP', '南网在线App', 'ONLINE'),
    ('UNIONPAY_QUICKPASS', '云闪付', 'ONLINE'),
    ('ONLINE_BANKING', '网上银行', 'BANK'),
    ('MOBILE_BANKING', '手机银行', 'BANK'),
    ('AUTO_DEBIT_ICBC', '工商银行代扣', 'BANK'),
    ('AUTO_DEBIT_CCB', '建设银行代扣', 'BANK'),
    ('AUTO_DEBIT_ABC', '农业银行代扣', 'BANK'),
    ('AUTO_DEBIT_BOC', '中国银行代扣', 'BANK'),
    ('AUTO_DEBIT_RCB', '农商银行代扣', 'BANK'),
    ('BANK_COUNTER', '银行柜台', 'BANK'),
    ('BANK_TRANSFER', '对公转账', 'BANK'),
    ('OFFICE_COUNTER', '供电营业厅柜台', 'COUNTER'),
    ('SELF_SERVICE_TERMINAL', '自助缴费终端', 'COUNTER'),
    ('POST_OFFICE', '邮政网点', 'AGENT'),
    ('CONVENIENCE_STORE', '便利店代收', 'AGENT'),
    ('COMMUNITY_AGENT', '社区代收点', 'AGENT'),
    ('PHONE_95598', '95598电话缴费', 'PHONE'),
    ('PREPAID_CARD', '充值卡', 'PREPAID'),
    ('PREPAID_BALANCE', '预付费余额扣减', 'PREPAID');

create table contact_channel (
    code              varchar(24) primary key,
    name              varchar(64) not null,
    unit_cost         numeric(8, 3) not null check (unit_cost >= 0),
    needs_subscription boolean not null
);

insert into contact_channel values
    ('WECHAT_TEMPLATE', '微信模板消息', 0.000, true),
    ('WECHAT_CUSTOMER_SERVICE', '微信客服消息（48小时内）', 0.000, true),
    ('APP_PUSH', 'App推送', 0.000, true),
    ('SMS', '短信', 0.045, false),
    ('EMAIL', '电子邮件', 0.000, false),
    ('VOICE_CALL', '智能语音外呼', 0.200, false),
    ('AGENT_CALL', '人工电话', 3.000, false),
    ('STAFF_VISIT', '网格经理上门', 35.000, false);

-- Customers (户). PII: name and mobile are shown masked unless a staff role needs them; the ID number is kept only as
-- a salted hash for identity checks.
create table customer (
    id                  bigint primary key,
    account_no          varchar(16) not null unique,
    name                varchar(64) not null,
    mobile              varchar(20),
    id_number_hash      char(64),
    address             varchar(160) not null,
    voltage_class       varchar(2) not null check (voltage_class in ('HV', 'LV')),
    tariff_code         varchar(24) not null references tariff_plan (code),
    status              varchar(12) not null check (status in ('ACTIVE', 'SUSPENDED', 'CLOSED')),
    payment_mode        varchar(10) not null check (payment_mode in ('POSTPAID', 'PREPAID')),
    grid_area_id        int references grid_area (id),
    feeder_id           int references feeder (id),
    transformer_area_id int references transformer_area (id),
    contracted_kva      int check (contracted_kva > 0),
    balance             numeric(12, 2) not null default 0,
    opened_on           date not null
);
create index customer_mobile_idx on customer (mobile);
create index customer_grid_area_idx on customer (grid_area_id);
create index customer_feeder_idx on customer (feeder_id);
create index customer_transformer_area_idx on customer (transformer_area_id);

create table meter (
    id           bigint primary key,
    meter_no     varchar(20) not null unique,
    customer_id  bigint not null references customer (id),
    kind         varchar(8) not null check (kind in ('SMART', 'CLASSIC')),
    multiplier   int not null default 1 check (multiplier > 0),
    installed_on date not null
);
create index meter_customer_idx on meter (customer_id);

-- Monthly readings: one per meter and month (period = first day of the month read).
create table monthly_reading (
    meter_id        bigint not null references meter (id),
    period          date not null check (extract(day from period) = 1),
    read_on         date not null,
    reading_kwh     numeric(14, 2) not null check (reading_kwh >= 0),
    consumption_kwh numeric(12, 2) not null check (consumption_kwh >= 0),
    peak_kwh        numeric(12, 2),
    flat_kwh        numeric(12, 2),
    valley_kwh      numeric(12, 2),
    primary key (meter_id, period)
);

-- Daily readings from smart meters (available a day or two after the day).
create table daily_reading (
    meter_id        bigint not null references meter (id),
    day             date not null,
    reading_kwh     numeric(14, 2) not null check (reading_kwh >= 0),
    consumption_kwh numeric(10, 2) not null check (consumption_kwh >= 0),
    primary key (meter_id, day)
);

create table bill (
    id               bigint primary key,
    customer_id      bigint not null references customer (id),
    period           date not null check (extract(day from period) = 1),
    tariff_code      varchar(24) not null references tariff_plan (code),
    kwh_total        numeric(12, 2) not null check (kwh_total >= 0),
    tier1_kwh        numeric(12, 2),
    tier2_kwh        numeric(12, 2),
    tier3_kwh        numeric(12, 2),
    tier1_amount     numeric(12, 2),
    tier2_amount     numeric(12, 2),
    tier3_amount     numeric(12, 2),
    peak_kwh         numeric(12, 2),
    flat_kwh         numeric(12, 2),
    valley_kwh       numeric(12, 2),
    energy_amount    numeric(12, 2) not null check (energy_amount >= 0),
    demand_amount    numeric(12, 2) not null default 0 check (demand_amount >= 0),
    surcharge_amount numeric(12, 2) not null default 0 check (surcharge_amount >= 0),
    total_amount     numeric(12, 2) not null check (total_amount >= 0),
    issued_on        date not null,
    due_date         date not null check (due_date >= issued_on),
    status           varchar(16) not null check (status in ('UNPAID', 'PARTIALLY_PAID', 'PAID')),
    paid_amount      numeric(12, 2) not null default 0 check (paid_amount >= 0),
    late_fee_paid    numeric(12, 2) not null default 0 check (late_fee_paid >= 0),
    settled_at       timestamptz,
    unique (customer_id, period)
);
-- Arrears lists and collection runs look for what is still open, by due date.
create index bill_open_due_idx on bill (due_date) where status <> 'PAID';

create table payment (
    id           bigint primary key,
    payment_ref  varchar(40) not null unique,
    customer_id  bigint not null references customer (id),
    bill_id      bigint references bill (id),
    amount       numeric(12, 2) not null check (amount > 0),
    late_fee     numeric(12, 2) not null default 0 check (late_fee >= 0),
    paid_at      timestamptz not null,
    channel_code varchar(24) not null references payment_channel (code)
);
create index payment_customer_idx on payment (customer_id, paid_at desc);
create index payment_bill_idx on payment (bill_id);

create sequence customer_id_seq owned by customer.id;
create sequence meter_id_seq owned by meter.id;
create sequence bill_id_seq owned by bill.id;
create sequence payment_id_seq owned by payment.id;
alter table customer alter column id set default nextval('customer_id_seq');
alter table meter alter column id set default nextval('meter_id_seq');
alter table bill alter column id set default nextval('bill_id_seq');
alter table payment alter column id set default nextval('payment_id_seq');
