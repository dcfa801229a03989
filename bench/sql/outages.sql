select o.id, o.kind, o.cause, o.description, o.starts_at, o.estimated_restore_at
  from customer c
  join outage_scope s on s.feeder_id = c.feeder_id or s.transformer_area_id = c.transformer_area_id
  join outage o on o.id = s.outage_id
 where c.id = :c and o.status = 'PUBLISHED' and o.restored_at is null
   and (o.starts_at <= :now::timestamptz or (o.kind = 'PLANNED' and o.starts_at <= :horizon::timestamptz))
 order by o.starts_at, o.id;
