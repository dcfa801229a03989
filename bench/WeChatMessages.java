import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;

/**
 * WeChat's side of the portal benchmark (bench/wechat-portal.sh): text messages as WeChat sends them in safe mode,
 * encrypted and signed with WxJava, each with its own MsgId and nonce, from followers asking the FAQ bot.
 * Run with the application's libraries on the class path:
 *   java -cp 'target/quarkus-app/lib/main/*' bench/WeChatMessages.java generate PREFIX COUNT FILES
 *       writes PREFIX-1.txt … PREFIX-FILES.txt, one request per line: query string TAB body (for wrk)
 *   java -cp … bench/WeChatMessages.java deliver COUNT TIMES URL…
 *       posts COUNT messages TIMES each, all deliveries of a message at once and spread over the URLs
 *       (instances), and prints the statuses and bodies it got
 */
public class WeChatMessages {

    static final String APPID = System.getProperty("appid", "wxbench00000000001");
    static final String TOKEN = System.getProperty("token", "benchtoken");
    static final String AES_KEY = System.getProperty("aesKey", "benchkey0123456789abcdefghijklmnopqrstuvwxA");
    static final String ACCOUNT = "gh_bench0000001";
    static final int FOLLOWERS = 5_000;
    /**
     * Share of messages whose text was never sent before: the question with trailing punctuation unique to the
     * message. The bot reads the same question (punctuation is dropped), but cannot reuse an earlier match.
     */
    static final double FRESH = Double.parseDouble(System.getProperty("fresh", "0.2"));
    static final String MARKS = "。？！～，、；：…—·「」『』《";
    static final String[] QUESTIONS = {
        "电费怎么交", "怎么交电费啊", "阶梯电价是怎么算的", "峰谷电价怎么申请", "家里跳闸了怎么办",
        "电表走得太快了", "怎么办理新装用电", "过户要带什么材料", "发票怎么开", "欠费多久会停电", "违约金怎么算",
        "电费为什么这么高", "怎么查电费", "充电桩报装", "光伏并网怎么申请", "电话多少", "营业厅在哪里",
        "怎么改手机号", "预付费电表没钱了", };

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> generate(args[1], Long.parseLong(args[2]), Integer.parseInt(args[3]));
            case "deliver" -> deliver(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    List.of(args).subList(3, args.length));
            default -> throw new IllegalArgumentException("generate or deliver");
        }
    }

    private final WxMpCryptUtil crypt;
    private final long firstMsgId;
    private final AtomicLong next = new AtomicLong();

    WeChatMessages() {
        WxMpDefaultConfigImpl storage = new WxMpDefaultConfigImpl();
        storage.setAppId(APPID);
        storage.setToken(TOKEN);
        storage.setAesKey(AES_KEY);
        crypt = new WxMpCryptUtil(storage);
        // MsgIds of this run do not meet those of an earlier run against the same Redis
        firstMsgId = Instant.now().toEpochMilli() * 1_000_000L;
    }

    /** The next message: query string and body, as WeChat would post it now. */
    String[] nextRequest() {
        long n = next.getAndIncrement();
        String openid = "obench" + String.format("%022d", n % FOLLOWERS);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String xml = "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + openid
                + "]]></FromUserName><CreateTime>" + timestamp + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + question(n) + "]]></Content><MsgId>"
                + (firstMsgId + n) + "</MsgId></xml>";
        WxCryptUtil.EncryptContext context = crypt.encryptContext(xml);
        String query = "signature=" + SHA1.gen(TOKEN, timestamp, context.getNonce()) + "&timestamp=" + timestamp
                + "&nonce=" + context.getNonce() + "&openid=" + openid + "&encrypt_type=aes&msg_signature="
                + SHA1.gen(TOKEN, timestamp, context.getNonce(), context.getEncrypt());
        String body = "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><Encrypt><![CDATA["
                + context.getEncrypt() + "]]></Encrypt></xml>";
        return new String[] { query, body };
    }

    /**
     * Message n's question: one of QUESTIONS, a FRESH share of them made unique by punctuation spelling the message's
     * MsgId in base 16 (unique across runs too).
     */
    String question(long n) {
        String question = QUESTIONS[(int) (n % QUESTIONS.length)];
        if ((n * 0x9E3779B97F4A7C15L >>> 11) / (double) (1L << 53) >= FRESH) {
            return question;
        }
        StringBuilder unique = new StringBuilder(question);
        for (long rest = firstMsgId + n; rest > 0; rest /= MARKS.length()) {
            unique.append(MARKS.charAt((int) (rest % MARKS.length())));
        }
        return unique.toString();
    }

    static void generate(String prefix, long count, int files) throws IOException {
        WeChatMessages messages = new WeChatMessages();
        List<BufferedWriter> writers = new ArrayList<>();
        for (int i = 1; i <= files; i++) {
            writers.add(Files.newBufferedWriter(Path.of(prefix + "-" + i + ".txt"), StandardCharsets.UTF_8));
        }
        for (long n = 0; n < count; n++) {
            String[] request = messages.nextRequest();
            BufferedWriter writer = writers.get((int) (n % files));
            writer.write(request[0]);
            writer.write('\t');
            writer.write(request[1]);
            writer.newLine();
        }
        for (BufferedWriter writer : writers) {
            writer.close();
        }
    }

    static void deliver(int count, int times, List<String> portals) throws Exception {
        WeChatMessages messages = new WeChatMessages();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
        List<Future<?>> pending = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            String[] request = messages.nextRequest();
            for (int copy = 0; copy < times; copy++) {
                String portal = portals.get((n + copy) % portals.size());
                HttpRequest post = HttpRequest.newBuilder(URI.create(portal + "?" + request[0]))
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "text/xml; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(request[1])).build();
                pending.add(pool.submit(() -> {
                    String outcome;
                    try {
                        HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
                        outcome = response.statusCode() + (response.statusCode() != 200 ? ""
                                : "success".equals(response.body()) ? " success" : " reply");
                    } catch (IOException | InterruptedException e) {
                        outcome = e.getClass().getSimpleName();
                    }
                    outcomes.computeIfAbsent(outcome, key -> new AtomicLong()).incrementAndGet();
                    return null;
                }));
            }
        }
        for (Future<?> future : pending) {
            future.get();
        }
        pool.shutdown();
        new TreeMap<>(outcomes).forEach((outcome, n) -> System.out.println("deliveries " + outcome + ": " + n));
    }
}
