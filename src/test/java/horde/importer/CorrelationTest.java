package horde.importer;

import static horde.importer.Calls.answered;
import static horde.importer.Calls.draft;
import static horde.importer.Calls.get;
import static horde.importer.Calls.header;
import static horde.importer.Calls.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Correlation}: values a response gave and a later request sent back become save + ${...}. */
class CorrelationTest {
  static final String API = "http://127.0.0.1:8000";

  @Test
  void anIdFromAnAnswerIsSavedThereAndTemplatedWhereItIsUsed() {
    Draft d = Correlation.apply(draft(
        answered(post(API + "/api/conversations", "{\"title\":\"Billing\"}"), 201, "{\"id\":\"conv_47526757\",\"title\":\"Billing\"}"),
        post(API + "/api/conversations/conv_47526757/messages", "{\"text\":\"about conv_47526757\"}"),
        get(API + "/api/conversations/conv_47526757/messages?after=conv_47526757")));
    assertThat(d.calls().get(0).saves()).isEqualTo(Map.of("conversation_id", Save.json("$.id")));
    assertThat(d.calls().get(1).url()).isEqualTo(API + "/api/conversations/${conversation_id}/messages");
    assertThat(Calls.json(d.calls().get(1)).path("text").asString()).isEqualTo("about ${conversation_id}");
    assertThat(d.calls().get(1).uses()).containsExactly("conversation_id");
    assertThat(d.calls().get(2).url()).isEqualTo(API + "/api/conversations/${conversation_id}/messages?after=${conversation_id}");
  }

  @Test
  void aValueTheClientSentBeforeItCameBackIsTheClientsOwn() {
    Draft d = Correlation.apply(draft(
        answered(post(API + "/api/orders", "{\"ref\":\"order-2024-11\"}"), 201, "{\"id\":\"ord_991\",\"ref\":\"order-2024-11\"}"),
        get(API + "/api/orders/by-ref/order-2024-11")));
    assertThat(d.calls().get(0).saves()).isEmpty();
    assertThat(d.calls().get(1).url()).isEqualTo(API + "/api/orders/by-ref/order-2024-11");
  }

  @Test
  void aMatchMustStandAloneNotInsideALongerWord() {
    Draft d = Correlation.apply(draft(
        answered(post(API + "/api/items", "{}"), 201, "{\"id\":\"item_1234\"}"),
        get(API + "/api/items/item_12345"),
        get(API + "/api/items/xitem_1234"),
        get(API + "/api/items/item_1234.json")));
    assertThat(d.calls().get(1).url()).endsWith("/item_12345");
    assertThat(d.calls().get(2).url()).endsWith("/xitem_1234");
    assertThat(d.calls().get(3).url()).endsWith("/${item_id}.json");
  }

  @Test
  void aTokenFromALoginGoesIntoTheHeaderAndIsNoLongerASecret() {
    Draft d = Secrets.apply(Correlation.apply(draft(
        answered(post(API + "/login", "{\"user\":\"ann\"}"), 200, "{\"access_token\":\"eyJhbGciOi.eyJzdWIi.sig9\"}"),
        get(API + "/me", header("Authorization", "Bearer eyJhbGciOi.eyJzdWIi.sig9")))));
    assertThat(d.calls().get(0).saves()).isEqualTo(Map.of("access_token", Save.json("$.access_token")));
    assertThat(d.calls().get(1).headers()).containsExactly(header("Authorization", "Bearer ${access_token}"));
    assertThat(d.notes()).isEmpty();
  }

  @Test
  void aValueFromAResponseHeaderIsSavedFromTheHeader() {
    Draft d = Correlation.apply(draft(
        answered(get(API + "/form"), 200, "{}", header("X-Csrf-Token", "f00dcafe77"), header("Date", "Mon, 01 Jan 2024")),
        post(API + "/submit", "{\"a\":1}", header("X-Csrf-Token", "f00dcafe77"))));
    assertThat(d.calls().get(0).saves()).isEqualTo(Map.of("csrf_token", Save.header("X-Csrf-Token")));
    assertThat(d.calls().get(1).headers()).containsExactly(header("X-Csrf-Token", "${csrf_token}"));
  }

  @Test
  void theFirstAnswerThatGaveAValueIsItsSource() {
    Draft d = Correlation.apply(draft(
        answered(post(API + "/api/jobs", "{}"), 202, "{\"job_id\":\"job_77\"}"),
        answered(get(API + "/api/jobs/job_77"), 200, "{\"job_id\":\"job_77\",\"status\":\"running\"}"),
        get(API + "/api/jobs/job_77")));
    assertThat(d.calls().get(0).saves()).containsOnlyKeys("job_id");
    assertThat(d.calls().get(1).saves()).isEmpty();
    assertThat(d.calls().get(1).url()).endsWith("/api/jobs/${job_id}");
    assertThat(d.calls().get(2).url()).endsWith("/api/jobs/${job_id}");
  }

  @Test
  void wordsAndShortValuesAreNotCandidatesButNumbersWithFourDigitsAre() {
    Draft d = Correlation.apply(draft(
        answered(get(API + "/api/caps"), 200, "{\"features\":[\"conversations\"],\"n\":7,\"user\":{\"id\":48213}}"),
        get(API + "/api/conversations/7"),
        post(API + "/api/users/48213", "{\"user\":48213,\"note\":\"48213\"}")));
    assertThat(d.calls().get(1).url()).isEqualTo(API + "/api/conversations/7");
    assertThat(d.calls().get(2).url()).isEqualTo(API + "/api/users/${saved_user_id}");
    assertThat(Calls.json(d.calls().get(2)).path("user").isNumber()).as("a number stays a number").isTrue();
    assertThat(Calls.json(d.calls().get(2)).path("note").asString()).isEqualTo("${saved_user_id}");
    assertThat(d.calls().get(0).saves()).isEqualTo(Map.of("saved_user_id", Save.json("$.user.id")));
  }

  @Test
  void twoValuesOfTheSameFieldGetTwoNames() {
    Draft d = Correlation.apply(draft(
        answered(post(API + "/api/carts", "{}"), 201, "{\"id\":\"cart_1001\"}"),
        answered(post(API + "/api/carts", "{}"), 201, "{\"id\":\"cart_1002\"}"),
        get(API + "/api/carts/cart_1001"),
        get(API + "/api/carts/cart_1002")));
    assertThat(d.calls().get(0).saves()).containsOnlyKeys("cart_id");
    assertThat(d.calls().get(1).saves()).containsOnlyKeys("cart_id_2");
    assertThat(d.calls().get(3).url()).endsWith("/${cart_id_2}");
    assertThat(d.saved()).isEqualTo(2);
  }

  @Test
  void tasksFollowTheValues() {
    Call create = answered(post(API + "/api/a", "{}"), 201, "{\"id\":\"a_1001\"}");
    List<Call> calls = Correlation.apply(new Draft("t", "t", null, List.of(
        create, get(API + "/health"),
        Call.of("GET", API + "/api/a/a_1001", List.of(), Body.NONE, "second page"),
        Call.of("GET", API + "/other", List.of(), Body.NONE, "third page")), List.of())).calls();
    List<Tasks.Task> tasks = Tasks.of(calls);
    assertThat(tasks).extracting(Tasks.Task::name).containsExactly("page", "third page");
    assertThat(tasks.get(0).groups()).extracting(Tasks.Group::name).containsExactly("page", "second page");
  }
}
