package com.gridcare.dataset;

import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One completed generation step. */
@Entity
@Table(name = "dataset_generation_step")
public class DatasetGenerationStepRecord extends PanacheEntityBase {

    @Id
    public String step;
    public long rowsLoaded;
    public long copyMillis;
    public long millis;
    public OffsetDateTime completedAt;
}
