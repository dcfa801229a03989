package com.gridcare.wechat;

import static io.restassured.RestAssured.given;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;

/**
 * Posts to the portal as WeChat does: the test account's token and EncodingAESKey (from %test configuration), query
 * signed with WxJava's SHA1, bodies encrypted with WxJava's crypt util; messages in WeChat's documented XML.
 */
final class WeChatSender {

    static final String APPID = "wxtest000000000001";
    static final String TOKEN = "testtoken";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFA";
    static final String ACCOUNT = "gh_0123456789ab";
    static final String PORTAL = "/wechat/portal/" + APPID;

    private final WxMpCryptUtil crypt;
    private final Clock clock;

    WeChatSender() {
        this(Clock.systemUTC());
    }

    /** Signs with the time of {@code clock}: the portal checks timestamps against the application's clock. */
    WeChatSender(Clock clock) {
        this.clock = clock;
        WxMpDefaultConfigImpl storage = new WxMpDefaultConfigImpl();
        storage.setAppId(APPID);
        storage.setToken(TOKEN);
        storage.setAesKey(AES_KEY);
        this.crypt = new WxMpCryptUtil(storage);
    }

    static String openid() {
        return "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);
    }

    static long msgId() {
        return Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000_000L);
    }

    static String nonce() {
        return Long.toString(Math.abs(UUID.randomUUID().getLeastSignificantBits() % 10_000_000_000L));
    }

    String now() {
        return Long.toString(clock.instant().getEpochSecond());
    }

    /** A plaintext-mode POST, freshly signed. */
    Response post(String xml) {
        return signed(now(), nonce()).body(xml).post(PORTAL);
    }

    RequestSpecification signed(String timestamp, String nonce) {
        return given().contentType("text/xml; charset=UTF-8").queryParam("signature", SHA1.gen(TOKEN, timestamp, nonce))
                .queryParam("timestamp", timestamp).queryParam("nonce", nonce).queryParam("openid", "ignored");
    }

    /** A safe-mode POST: only ToUserName and Encrypt in the body, signed twice (signature and msg_signature). */
    Response postEncrypted(String xml) {
        return encrypted(xml, false, null).post(PORTAL);
    }

    /** Compatible mode: the plaintext fields and their encryption side by side. */
    Response postCompatible(String xml) {
        return encrypted(xml, true, null).post(PORTAL);
    }

    /** {@code msgSignature}: null for the right one. */
    RequestSpecification encrypted(String xml, boolean compatible, String msgSignature) {
        WxCryptUtil.EncryptContext context = crypt.encryptContext(xml);
        // WxJava stamps the encryption with the system time; sign with ours so a test clock is respected
        String timestamp = now();
        String msgSignatureOfBody = SHA1.gen(TOKEN, timestamp, context.getNonce(), context.getEncrypt());
        String encrypt = "<Encrypt><![CDATA[" + context.getEncrypt() + "]]></Encrypt>";
        String body = compatible ? xml.replace("</xml>", encrypt + "</xml>")
                : "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName>" + encrypt + "</xml>";
        return signed(timestamp, context.getNonce()).queryParam("encrypt_type", "aes")
                .queryParam("msg_signature", msgSignature == null ? msgSignatureOfBody : msgSignature).body(body);
    }

    /** The plaintext of an encrypted passive reply, after checking its signature. */
    String decryptReply(String reply) {
        XmlPath xml = new XmlPath(reply);
        return crypt.decryptXml(xml.getString("xml.MsgSignature"), xml.getString("xml.TimeStamp"),
                xml.getString("xml.Nonce"), reply);
    }

    static String text(String openid, String content, long msgId) {
        return message(openid, "text", "<Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId>");
    }

    static String location(String openid, double latitude, double longitude, long msgId) {
        return message(openid, "location", "<Location_X>" + latitude + "</Location_X><Location_Y>" + longitude
                + "</Location_Y><Scale>15</Scale><Label><![CDATA[位置]]></Label><MsgId>" + msgId + "</MsgId>");
    }

    static String image(String openid, long msgId) {
        return message(openid, "image", "<PicUrl><![CDATA[http://mmbiz.qpic.cn/x]]></PicUrl>"
                + "<MediaId><![CDATA[media_id]]></MediaId><MsgId>" + msgId + "</MsgId>");
    }

    static String event(String openid, String event, String key) {
        return event(openid, event, key, Instant.now().getEpochSecond());
    }

    static String event(String openid, String event, String key, long createTime) {
        return "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + openid
                + "]]></FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[" + event + "]]></Event>"
                + (key == null ? "" : "<EventKey><![CDATA[" + key + "]]></EventKey>") + "</xml>";
    }

    static String locationEvent(String openid, double latitude, double longitude) {
        return "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + openid
                + "]]></FromUserName><CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime>"
                + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[LOCATION]]></Event><Latitude>" + latitude
                + "</Latitude><Longitude>" + longitude + "</Longitude><Precision>65.0</Precision></xml>";
    }

    static String message(String openid, String type, String fields) {
        return "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + openid
                + "]]></FromUserName><CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime><MsgType><![CDATA["
                + type + "]]></MsgType>" + fields + "</xml>";
    }
}
