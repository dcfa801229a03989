package com.gridcare.common;

/**
 * The one place that decides how personal data looks when shown without a staff role that needs it, in API responses
 * and log lines alike.
 */
public final class PiiMasker {

    private PiiMasker() {
    }

    /** 13812345678 → 138****5678; anything shorter keeps only its last two characters. */
    public static String mobile(String mobile) {
        if (mobile == null || mobile.isEmpty()) {
            return mobile;
        }
        if (mobile.length() >= 11) {
            return mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
        }
        return "*".repeat(Math.max(0, mobile.length() - 2)) + mobile.substring(Math.max(0, mobile.length() - 2));
    }

    /** 张三丰 → 张**; a company name keeps its first two and last two characters (广州**公司). */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int length = name.codePointCount(0, name.length());
        if (length <= 6) {
            return name.substring(0, name.offsetByCodePoints(0, 1)) + "*".repeat(length - 1);
        }
        int headEnd = name.offsetByCodePoints(0, 2);
        int tailStart = name.offsetByCodePoints(name.length(), -2);
        return name.substring(0, headEnd) + "**" + name.substring(tailStart);
    }

    /** 广州市天河区体育西路 103 号 → 广州市天河区****: the district stays so a resident can tell their accounts apart. */
    public static String address(String address) {
        if (address == null || address.isEmpty()) {
            return address;
        }
        int keep = Math.min(6, address.codePointCount(0, address.length()) / 2);
        return address.substring(0, address.offsetByCodePoints(0, keep)) + "****";
    }

    /**
     * o6_bmjrPTlm6_2sgVt7hMZOPfL2M → o6_****fL2M: enough to follow one follower through the log, not to address them.
     * An official account's openids share their first characters, so the end is what tells them apart.
     */
    public static String openid(String openid) {
        if (openid == null || openid.length() < 12) {
            return openid == null ? null : "****";
        }
        return openid.substring(0, 3) + "****" + openid.substring(openid.length() - 4);
    }
}
