import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The providers the outbox sends to, faked for bench/dispatch.sh: SMS ({@code POST /sms/messages}, and
 * {@code /sms/messages/batch} taking several, each counted by its reference, answering that it took them all), voice calls
 * ({@code POST /voice/calls}, answering a repeated Idempotency-Key with the call it already placed), WeChat's API
 * (stable_token and template messages, keyed by client_msg_id) and an SMTP sink (keyed by the X-Gridcare-Notice
 * header). Each channel counts requests and distinct keys: the Idempotency-Key header when present, else the
 * channel's own key (client_msg_id, the notice header), else the whole request body. {@code GET /stats} prints them.
 * Each answer waits {@code delay} ms first, as a provider across a network would. Usage:
 *   java bench/FakeProviders.java HTTP_PORT SMTP_PORT DELAY_MS
 */
public class FakeProviders {

    static final Map<String, Channel> CHANNELS = new ConcurrentHashMap<>();
    static final Pattern CLIENT_MSG_ID = Pattern.compile("\"client_msg_id\"\\s*:\\s*\"([^\"]+)\"");
    /** An SMS without Idempotency-Key: its reference, else whom and what (parameters come in any order). */
    static final Pattern SMS_KEY = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"|\"to\"\\s*:\\s*\"([^\"]+)\"|\"text\"\\s*:\\s*\"([^\"]+)\"");
    static final AtomicLong MSG_IDS = new AtomicLong();
    static long delay;

    static final class Channel {
        final LongAdder requests = new LongAdder();
        final Map<String, LongAdder> keys = new ConcurrentHashMap<>();
        final LongAdder byHeader = new LongAdder();

        void count(String key, boolean header) {
            requests.increment();
            if (header) {
                byHeader.increment();
            }
            keys.computeIfAbsent(key, k -> new LongAdder()).increment();
        }

        String stats(String name) {
            long repeated = keys.values().stream().filter(n -> n.sum() > 1).count();
            return name + " requests=" + requests.sum() + " distinct_keys=" + keys.size() + " keys_repeated="
                    + repeated + " keyed_by_header=" + byHeader.sum();
        }
    }

    static Channel channel(String name) {
        return CHANNELS.computeIfAbsent(name, n -> new Channel());
    }

    public static void main(String[] args) throws Exception {
        int httpPort = Integer.parseInt(args[0]);
        int smtpPort = Integer.parseInt(args[1]);
        delay = Long.parseLong(args[2]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 1024);
        ExecutorService threads = Executors.newFixedThreadPool(Integer.getInteger("threads", 400));
        server.setExecutor(threads);
        server.createContext("/sms/messages", exchange -> keyed(exchange, "SMS", SMS_KEY, "{}"));
        server.createContext("/sms/messages/batch", FakeProviders::smsBatch);
        server.createContext("/voice/calls", exchange -> keyed(exchange, "VOICE_CALL", null, null));
        server.createContext("/cgi-bin/stable_token",
                exchange -> answer(exchange, 200, "{\"access_token\":\"BENCH-TOKEN\",\"expires_in\":7200}"));
        server.createContext("/cgi-bin/message/template/send", exchange -> keyed(exchange, "WECHAT_TEMPLATE",
                CLIENT_MSG_ID, null));
        server.createContext("/stats", exchange -> {
            StringBuilder out = new StringBuilder();
            new TreeMap<>(CHANNELS).forEach((name, channel) -> out.append(channel.stats(name)).append('\n'));
            answer(exchange, 200, out.toString());
        });
        server.start();
        Thread smtp = new Thread(() -> smtp(smtpPort, threads), "smtp");
        smtp.setDaemon(true);
        smtp.start();
        System.out.println("fake providers on http://127.0.0.1:" + httpPort + " and smtp 127.0.0.1:" + smtpPort);
    }

    /** Counts the request by its key and answers; {@code answer} null: a voice call's id, the same for a repeated key. */
    static void keyed(HttpExchange exchange, String name, Pattern bodyKey, String answer) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String header = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String key = header;
        if (key == null && bodyKey != null) {
            Matcher matcher = bodyKey.matcher(body);
            String reference = null, to = null, text = null;
            while (matcher.find()) {
                for (int group = 1; group <= matcher.groupCount(); group++) {
                    if (matcher.group(group) != null) {
                        switch (group) {
                            case 1 -> reference = matcher.group(1);
                            case 2 -> to = matcher.group(2);
                            default -> text = matcher.group(3);
                        }
                    }
                }
            }
            key = reference != null ? reference : to == null && text == null ? null : "to:" + to + " text:" + text;
        }
        channel(name).count(key == null ? "body:" + body : key, header != null);
        pause();
        if (answer == null && name.equals("VOICE_CALL")) {
            answer = "{\"callId\":\"call-" + Integer.toHexString(key == null ? body.hashCode() : key.hashCode()) + "-"
                    + (key == null ? body.length() : key.length()) + "\"}";
        } else if (answer == null) {
            answer = "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + MSG_IDS.incrementAndGet() + "}";
        }
        answer(exchange, 200, answer);
    }

    static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");

    /** Each text of a batch counts as one request keyed by its reference (its batch request counts as SMS_BATCH). */
    static void smsBatch(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        channel("SMS_BATCH").count("batch:" + body.hashCode() + ":" + body.length(), false);
        StringBuilder accepted = new StringBuilder();
        Matcher matcher = REFERENCE.matcher(body);
        while (matcher.find()) {
            channel("SMS").count(matcher.group(1), false);
            accepted.append(accepted.length() == 0 ? "" : ",").append('"').append(matcher.group(1)).append('"');
        }
        pause();
        answer(exchange, 200, "{\"accepted\":[" + accepted + "]}");
    }

    static void pause() {
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Just enough SMTP for Vert.x's mail client: every command is taken, each mail counted by its notice header. */
    static void smtp(int port, ExecutorService threads) {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", port), 256);
            while (true) {
                Socket socket = server.accept();
                threads.execute(() -> session(socket));
            }
        } catch (IOException e) {
            e.printStackTrace();
        }
    }

    static void session(Socket socket) {
        try (socket;
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(socket.getOutputStream(), false, StandardCharsets.US_ASCII)) {
            reply(out, "220 fake-smtp ready");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
                switch (command) {
                    case "EHLO" -> reply(out, "250-fake-smtp\r\n250-PIPELINING\r\n250 8BITMIME");
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        StringBuilder mail = new StringBuilder();
                        String key = null;
                        for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                            if (key == null && data.regionMatches(true, 0, "X-Gridcare-Notice:", 0, 18)) {
                                key = data.substring(18).trim();
                            }
                            mail.append(data).append('\n');
                        }
                        channel("EMAIL").count(key == null ? "body:" + mail : key, false);
                        pause();
                        reply(out, "250 OK queued");
                    }
                    default -> reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }
}
