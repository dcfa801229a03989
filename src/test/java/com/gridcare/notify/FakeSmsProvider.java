package com.gridcare.notify;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A local SMS provider for every test: it takes {@code POST /messages} as the real one would and keeps the last
 * message per mobile, with the {@code Idempotency-Key} it came with, which tests read back over HTTP
 * ({@code GET /messages/{mobile}}) as a resident reads their phone.
 * {@code POST /messages/batch} takes several ({@code {"messages": [...]}}), each kept as if sent alone, and answers
 * with the references it took. {@code POST /outage?status=503} makes it refuse what comes next until
 * {@code ?status=0}. {@code GET /batches} counts the batch requests.
 */
@QuarkusTestResource(FakeSmsProvider.class)
public class FakeSmsProvider implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "test-sms-key";
    public static final String CALLBACK_SECRET = "test-sms-callback-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> lastMessage = new ConcurrentHashMap<>();
    private final AtomicInteger refuseWith = new AtomicInteger();
    private final AtomicInteger batches = new AtomicInteger();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the fake SMS provider's port", e);
        }
        server.createContext("/messages", this::messages);
        server.createContext("/messages/batch", this::batch);
        server.createContext("/batches", exchange -> respond(exchange, 200, String.valueOf(batches.get())));
        server.createContext("/outage", exchange -> {
            refuseWith.set(Integer.parseInt(exchange.getRequestURI().getQuery().replace("status=", "")));
            respond(exchange, 204, "");
        });
        server.start();
        return Map.of("gridcare.sms.base-url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "gridcare.sms.api-key", API_KEY, "gridcare.sms.callback-secret", CALLBACK_SECRET);
    }

    private void messages(HttpExchange exchange) throws IOException {
        if ("GET".equals(exchange.getRequestMethod())) {
            String mobile = exchange.getRequestURI().getPath().substring("/messages/".length());
            String message = lastMessage.get(mobile);
            respond(exchange, message == null ? 404 : 200, message == null ? "" : message);
            return;
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        boolean authorised = ("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"));
        int refusal = refuseWith.get();
        if (!authorised || refusal != 0) {
            respond(exchange, authorised ? refusal : 401, "");
            return;
        }
        ((ObjectNode) body).put("idempotencyKey", exchange.getRequestHeaders().getFirst("Idempotency-Key"));
        lastMessage.put(body.path("to").asText(), body.toString());
        respond(exchange, 202, "{\"id\":\"" + System.nanoTime() + "\"}");
    }

    private void batch(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        boolean authorised = ("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"));
        int refusal = refuseWith.get();
        if (!authorised || refusal != 0) {
            respond(exchange, authorised ? refusal : 401, "");
            return;
        }
        batches.incrementAndGet();
        ArrayNode accepted = JSON.createArrayNode();
        for (JsonNode message : body.path("messages")) {
            ((ObjectNode) message).put("idempotencyKey", message.path("reference").asText());
            lastMessage.put(message.path("to").asText(), message.toString());
            accepted.add(message.path("reference").asText());
        }
        respond(exchange, 200, JSON.createObjectNode().set("accepted", accepted).toString());
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
