package com.gridcare.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiMaskerTests {

    @Test
    void shouldKeepOnlyTheEndsOfAMobileNumber() {
        assertThat(PiiMasker.mobile("13812345678")).isEqualTo("138****5678");
        assertThat(PiiMasker.mobile("95598")).isEqualTo("***98");
        assertThat(PiiMasker.mobile(null)).isNull();
    }

    @Test
    void shouldKeepOnlyTheSurnameOfAPerson() {
        assertThat(PiiMasker.name("张三丰")).isEqualTo("张**");
        assertThat(PiiMasker.name("李娜")).isEqualTo("李*");
    }

    @Test
    void shouldKeepTheEndsOfACompanyName() {
        assertThat(PiiMasker.name("穗城宏达电子有限公司")).isEqualTo("穗城**公司");
    }

    @Test
    void shouldKeepOnlyTheEndsOfAnOpenid() {
        assertThat(PiiMasker.openid("o6_bmjrPTlm6_2sgVt7hMZOPfL2M")).isEqualTo("o6_****fL2M");
        assertThat(PiiMasker.openid("oShort")).isEqualTo("****");
        assertThat(PiiMasker.openid(null)).isNull();
    }
}
