package com.gridcare.faq;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.gridcare.auth.SignedInResident;
import com.gridcare.binding.TestAccounts;
import com.gridcare.dataset.TestUtility;
import com.gridcare.staff.SignedInStaff;
import com.gridcare.staff.StaffPasswords;
import com.gridcare.staff.TestStaff;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class FaqAskResourceTests {

    @Inject
    TestStaff testStaff;

    @Inject
    StaffPasswords passwords;

    @Inject
    KnowledgeBaseService knowledgeBase;

    @Inject
    TestAccounts accounts;

    @Inject
    TestUtility utility;

    /** Other test classes regenerate the utility, and truncating staff cascades to the knowledge base. */
    @BeforeEach
    void knowledgeBaseInPlace() {
        knowledgeBase.resync().await().indefinitely();
    }

    private static ValidatableResponse ask(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/faq/ask").then();
    }

    private static ValidatableResponse ask(String question) {
        return ask(Map.of("question", question));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            电费在微信上怎么交                       | payment.wechat
            家里跳匝了怎么办                         | repair.self-check
            店费逾期了要交多少违约金                  | bill.late-fee
            點樣綁定戶號                            | account.bind
            阶梯电价怎么收费？？                      | bill.tiered-pricing
            ＡＢＣ　阶梯电价是什么                     | bill.tiered-pricing
            <b>电费</b>怎么开<i>电子发票</i>         | bill.invoice
            <script>alert(1)</script>触电了怎么急救  | safety.electric-shock
            """)
    void shouldAnswerColloquialMisspeltTraditionalAndMarkedUpQuestions(String question, String topic) {
        ask(question).statusCode(200)
                .body("topicId", equalTo(topic))
                .body("intent", equalTo(false))
                .body("answer", notNullValue())
                .body("confidence", both(greaterThanOrEqualTo(0.4f)).and(lessThanOrEqualTo(1f)))
                .body("alternatives", emptyIterable())
                .body("escalate", equalTo(false));
    }

    @Test
    void shouldAnswerAnAnonymousCallersIntentWithTheKnowledgeBaseTextThatSaysToBindFirst() {
        ask(Map.of("question", "我家停电了", "accountNo", "0301000001")).statusCode(200)
                .body("topicId", equalTo("intent.outage.mine"))
                .body("intent", equalTo(true))
                .body("answer", containsString("需要先绑定户号"))
                .body("escalate", equalTo(false));
    }

    @Test
    void shouldAnswerASignedInResidentsIntentFromTheirOwnBoundAccount() throws Exception {
        accounts.ensure();
        TestAccounts.Account account = accounts.one("""
                select c.account_no, c.mobile from customer c
                 where c.mobile is not null and c.id < %d and exists (select 1 from bill b where b.customer_id = c.id)
                 order by random() limit 1""".formatted(TestUtility.FIRST_TEST_ID));
        BigDecimal amount = utility.decimal("""
                select b.total_amount from bill b join customer c on c.id = b.customer_id
                 where c.account_no = ? order by b.period desc limit 1""", account.accountNo());
        SignedInResident resident = SignedInResident.signIn().bind(account);

        ask(resident, Map.of("question", "我的电费多少")).statusCode(200)
                .body("topicId", equalTo("intent.bill.mine"))
                .body("intent", equalTo(true))
                .body("answer", both(containsString(account.accountNo()))
                        .and(containsString(amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + "元")));
        ask(resident, Map.of("question", "我的电费多少", "accountNo", TestAccounts.UNKNOWN_ACCOUNT_NO)).statusCode(200)
                .body("answer", containsString("户号" + TestAccounts.UNKNOWN_ACCOUNT_NO + "不在您绑定的户号中"));
        ask(SignedInResident.signIn(), Map.of("question", "我的电费多少")).statusCode(200)
                .body("topicId", equalTo("intent.bill.mine"))
                .body("answer", containsString("需要先绑定户号"));
    }

    /** The app and WeChat's chat alike: several accounts bound, the bot asks which one and answers once named. */
    @Test
    void shouldAskWhichAccountWhenSeveralAreBoundAndAnswerTheOneNamedInTheQuestion() throws Exception {
        accounts.ensure();
        String withBills = """
                select c.account_no, c.mobile from customer c
                 where c.mobile is not null and c.id < %d and c.account_no <> '%s'
                   and exists (select 1 from bill b where b.customer_id = c.id)
                 order by random() limit 1""";
        TestAccounts.Account first = accounts.one(withBills.formatted(TestUtility.FIRST_TEST_ID, ""));
        TestAccounts.Account second = accounts.one(withBills.formatted(TestUtility.FIRST_TEST_ID, first.accountNo()));
        SignedInResident resident = SignedInResident.signIn().bind(first).bind(second);

        for (String question : new String[] { "我的电费多少", "我家最近用了多少电", "我家停电了" }) {
            ask(resident, Map.of("question", question)).statusCode(200)
                    .body("intent", equalTo(true))
                    .body("answer", both(containsString("您绑定了2个户号")).and(containsString(first.accountNo()))
                            .and(containsString(second.accountNo())).and(containsString("哪一个")));
        }
        ask(resident, Map.of("question", second.accountNo() + " 我这个月电费多少")).statusCode(200)
                .body("topicId", equalTo("intent.bill.mine"))
                .body("answer", both(containsString("户号" + second.accountNo())).and(containsString("元")));
        ask(resident, Map.of("question", "我的电费多少", "accountNo", first.accountNo())).statusCode(200)
                .body("answer", both(containsString("户号" + first.accountNo())).and(not(containsString("哪一个"))));
        ask(resident, Map.of("question", "我这个月电费多少 " + TestAccounts.UNKNOWN_ACCOUNT_NO)).statusCode(200)
                .body("answer", containsString("户号" + TestAccounts.UNKNOWN_ACCOUNT_NO + "不在您绑定的户号中"));
    }

    private static ValidatableResponse ask(SignedInResident resident, Object body) {
        return resident.given().contentType(ContentType.JSON).body(body).post("/api/v1/faq/ask").then();
    }

    @Test
    void shouldEscalateWhenAskedForAPerson() {
        ask("转人工").statusCode(200)
                .body("topicId", equalTo("intent.agent.human"))
                .body("intent", equalTo(true))
                .body("escalate", equalTo(true));
    }

    @ParameterizedTest
    @CsvSource({ "明天广州天气怎么样", "燃气费怎么交", "高铁票在哪里买", "帮我订一张去北京的火车票" })
    void shouldNotAnswerQuestionsAboutOtherServicesWithAPowerTopic(String question) {
        ask(question).statusCode(200)
                .body("topicId", nullValue())
                .body("intent", equalTo(false))
                .body("answer", containsString("95598"));
    }

    @Test
    void shouldOfferTheTwoClosestTopicsAndAPersonWhenNotSure() {
        ask("我有个问题想问一下").statusCode(200)
                .body("topicId", nullValue())
                .body("confidence", lessThan(0.5f))
                .body("alternatives", hasSize(2))
                .body("alternatives[0].topicId", notNullValue())
                .body("alternatives[0].title", notNullValue())
                .body("escalate", equalTo(true));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            😀😀😀
            ！？。，…
            <p></p>
            """)
    void shouldAskForWordsWhenNothingIsLeftToUnderstand(String question) {
        ask(question).statusCode(200)
                .body("topicId", nullValue())
                .body("confidence", equalTo(0f))
                .body("answer", not(containsString("<")));
    }

    /** Control characters (a NUL that PostgreSQL text cannot hold, escape sequences) are never a 500. */
    @Test
    void shouldAnswerPolitelyWhateverControlCharactersAQuestionHolds() {
        ask("\u0000\u0001\u0007\u001b[0m\u007f").statusCode(200)
                .body("topicId", nullValue())
                .body("answer", notNullValue());
        ask("家里\u0000跳匝了\u0007怎么办\u001b\u200b").statusCode(200).body("topicId", equalTo("repair.self-check"));
        ask("\u0000燃气费\u0000怎么交\u0000").statusCode(200).body("topicId", nullValue());
        ask("我有个\u0000问题想问一下\u0000").statusCode(200).body("topicId", nullValue());
    }

    @Test
    void shouldAnswerMixedScriptQuestions() {
        ask("My 电费 bill 太高了 why？").statusCode(200).body("answer", notNullValue());
        ask("привет 你好 مرحبا").statusCode(200).body("topicId", nullValue());
    }

    @Test
    void shouldAcceptAQuestionOfExactlyTheMaximumLength() {
        ask("电费".repeat(250)).statusCode(200).body("answer", notNullValue());
    }

    @Test
    void shouldRefuseMissingBlankAndOverlongQuestions() {
        for (Object body : new Object[] { Map.of(), Map.of("question", ""), Map.of("question", "   \t\n "),
                Map.of("question", "电".repeat(10_000)) }) {
            ask(body).statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:gridcare:problem:validation-failed"))
                    .body("violations.field", hasItem("question"));
        }
    }

    @Test
    void shouldRefuseABodyThatIsNotJson() {
        given().contentType(ContentType.JSON).body("{\"question\": ").post("/api/v1/faq/ask").then()
                .statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).post("/api/v1/faq/ask").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldListLowConfidenceAndUnhelpfulQuestionsByFrequency() {
        for (int i = 0; i < 3; i++) {
            ask("我有个问题，想问一下！").statusCode(200).body("topicId", nullValue());
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("question", "交了电费还是欠费，号码13812345678", "topicId", "payment.not-credited",
                        "helpful", false))
                .post("/api/v1/faq/feedback").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("question", "怎么交电费", "helpful", true))
                .post("/api/v1/faq/feedback").then().statusCode(200);

        SignedInStaff.admin(testStaff, passwords).given().get("/api/v1/faq/unanswered?limit=200").then().statusCode(200)
                .body("find { it.normalisedQuestion == '我有个问题 想问一下' }.count", greaterThanOrEqualTo(3))
                .body("find { it.normalisedQuestion == '我有个问题 想问一下' }.notSure", greaterThanOrEqualTo(3))
                .body("find { it.unhelpful > 0 }.example", equalTo("交了电费还是欠费，号码******"))
                .body("normalisedQuestion", not(hasItem("怎么交电费")));
    }

    @Test
    void shouldRefuseFeedbackWithoutARatingOrQuestion() {
        given().contentType(ContentType.JSON).body(Map.of("question", "怎么交电费")).post("/api/v1/faq/feedback")
                .then().statusCode(400).body("violations.field", hasItem("helpful"));
        given().contentType(ContentType.JSON).body(Map.of("question", " ", "helpful", false))
                .post("/api/v1/faq/feedback").then().statusCode(400).body("violations.field", hasItem("question"));
        SignedInStaff.admin(testStaff, passwords).given().get("/api/v1/faq/unanswered?limit=0").then().statusCode(400);
    }
}
