-- Each customer's latest payment (package billing, which owns payments): the reminder planner reads the customer's
-- usual payment channel from here instead of probing payment_customer_idx once per candidate bill (1.8 M probes, 16 s
-- of a full-scale plan: BENCHMARKS.md). A trigger keeps it, so every way a payment arrives (the payment API and
-- callback, the importer, the generator's COPY) updates it in the same statement. Of payments at the same instant the
-- first inserted stays, as an index scan of payment_customer_idx found it. Truncating payment or customer (the
-- generator does) empties it through the foreign keys.
create table latest_payment (
    customer_id  bigint primary key references customer (id),
    payment_id   bigint not null references payment (id) on delete cascade,
    paid_at      timestamptz not null,
    channel_code varchar(24) not null
);

insert into latest_payment (customer_id, payment_id, paid_at, channel_code)
select distinct on (customer_id) customer_id, id, paid_at, channel_code
  from payment
 order by customer_id, paid_at desc, id;

create function latest_payment_keep() returns trigger language plpgsql as $$
begin
    insert into latest_payment (customer_id, payment_id, paid_at, channel_code)
    select distinct on (customer_id) customer_id, id, paid_at, channel_code
      from inserted
     order by customer_id, paid_at desc, id
    on conflict (customer_id) do update
       set payment_id = excluded.payment_id, paid_at = excluded.paid_at, channel_code = excluded.channel_code
     where excluded.paid_at > latest_payment.paid_at;
    return null;
end
$$;

create trigger payment_latest after insert on payment referencing new table as inserted
    for each statement execute function latest_payment_keep();
