package horde.importer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One request of a scenario being written: its method, absolute URL, headers and body as template
 * text (literal {@code ${} already written {@code $${}), what it saves for later requests and which
 * saved names it uses.
 *
 * @param response what it got when recorded, or null
 * @param group the page, tag or command it came from: requests of a group stay together in a task
 * @param stream the {@code stream:} kind to read the answer with, or null
 * @param expectStatus a 4xx/5xx status that is the expected answer, or 0
 * @param checkStatus the status to check for, or 0
 * @param comment a line written above the request, or null
 */
public record Call(
    String method,
    String url,
    List<Header> headers,
    Body body,
    Response response,
    String group,
    Map<String, Save> saves,
    Set<String> uses,
    String stream,
    int expectStatus,
    int checkStatus,
    String comment) {
  public Call {
    headers = List.copyOf(headers);
    saves = Collections.unmodifiableMap(new LinkedHashMap<>(saves));
    uses = Collections.unmodifiableSet(new LinkedHashSet<>(uses));
  }

  static Call of(String method, String url, List<Header> headers, Body body, String group) {
    return new Call(method, url, headers, body, null, group, Map.of(), Set.of(), null, 0, 0, null);
  }

  Call withRequest(String url, List<Header> headers, Body body) {
    return new Call(method, url, headers, body, response, group, saves, uses, stream, expectStatus, checkStatus, comment);
  }

  Call withResponse(Response response) {
    return new Call(method, url, headers, body, response, group, saves, uses, stream, expectStatus, checkStatus, comment);
  }

  Call withSave(String name, Save save) {
    Map<String, Save> s = new LinkedHashMap<>(saves);
    s.put(name, save);
    return new Call(method, url, headers, body, response, group, s, uses, stream, expectStatus, checkStatus, comment);
  }

  Call withUses(Set<String> more) {
    Set<String> u = new LinkedHashSet<>(uses);
    u.addAll(more);
    return new Call(method, url, headers, body, response, group, saves, u, stream, expectStatus, checkStatus, comment);
  }

  Call withStream(String kind) {
    return new Call(method, url, headers, body, response, group, saves, uses, kind, expectStatus, checkStatus, comment);
  }

  Call withStatus(int expect, int check) {
    return new Call(method, url, headers, body, response, group, saves, uses, stream, expect, check, comment);
  }

  Call withComment(String text) {
    return new Call(method, url, headers, body, response, group, saves, uses, stream, expectStatus, checkStatus, text);
  }
}
