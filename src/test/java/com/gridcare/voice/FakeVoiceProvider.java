package com.gridcare.voice;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A local voice provider for every test: {@code POST /calls} places a call as the real one would, answering a repeated
 * {@code Idempotency-Key} with the call it already placed; tests read a key's call back with {@code GET /calls/{key}}
 * ({@code callId}, {@code to}, {@code script}, and how many requests came with the key).
 */
@QuarkusTestResource(FakeVoiceProvider.class)
public class FakeVoiceProvider implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "test-voice-key";
    public static final String CALLBACK_SECRET = "test-voice-callback-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, ObjectNode> calls = new ConcurrentHashMap<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the fake voice provider's port", e);
        }
        server.createContext("/calls", this::calls);
        server.start();
        return Map.of("gridcare.voice.base-url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "gridcare.voice.api-key", API_KEY, "gridcare.voice.callback-secret", CALLBACK_SECRET);
    }

    private synchronized void calls(HttpExchange exchange) throws IOException {
        if ("GET".equals(exchange.getRequestMethod())) {
            ObjectNode call = calls.get(exchange.getRequestURI().getPath().substring("/calls/".length()));
            respond(exchange, call == null ? 404 : 200, call == null ? "" : call.toString());
            return;
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization")) || key == null) {
            respond(exchange, key == null ? 400 : 401, "");
            return;
        }
        ObjectNode call = calls.computeIfAbsent(key, ignored -> JSON.createObjectNode()
                .put("callId", "call-" + UUID.randomUUID()).put("to", body.path("to").asText())
                .put("script", body.path("script").asText()).put("requests", 0));
        call.put("requests", call.get("requests").asInt() + 1);
        respond(exchange, 201, "{\"callId\":\"" + call.get("callId").asText() + "\"}");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
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
