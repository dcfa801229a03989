package com.gridcare.dataset;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The generator's record of the dataset in the database (one row at most). */
@Entity
@Table(name = "dataset_generation")
public class DatasetGenerationRecord extends PanacheEntityBase {

    @Id
    public int id;
    public long seed;
    public BigDecimal scale;
    public LocalDate asOf;
    public String status;
    public OffsetDateTime startedAt;
    public OffsetDateTime finishedAt;
}
