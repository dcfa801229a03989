package com.gridcare.fieldtask;

public enum TaskStatus {
    OPEN, CLOSED
}
