-- Fee-recovery risk (package risk): each trained model with what it was trained and tested on, and the latest score
-- of every account.

create table risk_model (
    version          int primary key,
    trained_at       timestamptz not null,
    -- Bills issued in [train_from, train_until] taught the model, those up to validated_until tuned and calibrated it,
    -- and the later ones up to tested_until measured it.
    train_from       date not null,
    train_until      date not null,
    validated_until  date not null,
    tested_until     date not null,
    training_bills   int not null,
    validation_bills int not null,
    test_bills       int not null,
    accounts_scored  int not null,
    -- AUC, Brier score and calibration of the model and of the "late last time" rule on the test bills, the chosen
    -- hyper-parameters, the training time.
    metrics          jsonb not null,
    -- Tribuo's own serialisation (ModelProto) of the logistic regression, and the isotonic calibration applied to
    -- its probability ({"raw": [...], "probability": [...]}, interpolated linearly).
    model_bytes      bytea not null,
    calibration      jsonb not null
);

-- The latest score of each account, replaced whole by every training run; the account number is kept so that a staff
-- lookup reads this table alone.
create table risk_score (
    customer_id    bigint primary key references customer (id) on delete cascade,
    account_no     varchar(16) not null unique,
    model_version  int not null references risk_model (version),
    probability    double precision not null check (probability between 0 and 1),
    tier           varchar(6) not null check (tier in ('LOW', 'MEDIUM', 'HIGH')),
    -- HV customers whose usual bill is large are tiered by the amount at risk as well (RiskConfig.hv()).
    hv_large_bill  boolean not null,
    amount_at_risk numeric(14, 2) not null,
    drivers        jsonb not null,
    scored_at      timestamptz not null
);
create index risk_score_tier_idx on risk_score (tier);
