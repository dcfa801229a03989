package com.gridcare.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

/**
 * A chart as CSV (RFC 4180, UTF-8): a header of the row's field names, then one line per row in the JSON's order.
 * What a manager opens in a spreadsheet.
 */
@Provider
@Produces(ChartCsvWriter.TEXT_CSV)
public class ChartCsvWriter implements MessageBodyWriter<Chart<?>> {

    public static final String TEXT_CSV = "text/csv";

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Chart.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Chart<?> chart, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        RecordComponent[] columns = chart.rowType().getRecordComponents();
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            csv.append(i == 0 ? "" : ",").append(columns[i].getName());
        }
        csv.append("\r\n");
        for (Record row : chart.rows()) {
            for (int i = 0; i < columns.length; i++) {
                csv.append(i == 0 ? "" : ",").append(field(value(columns[i], row)));
            }
            csv.append("\r\n");
        }
        out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Object value(RecordComponent column, Record row) {
        try {
            return column.getAccessor().invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("unreadable chart row " + row, e);
        }
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof java.math.BigDecimal decimal ? decimal.toPlainString() : value.toString();
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
