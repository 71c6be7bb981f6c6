package horde.report;

import static org.assertj.core.api.Assertions.assertThat;

import horde.result.ResultReader;
import horde.result.RunResult;
import horde.stats.RunStats;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** JUnit XML: the Ant/Surefire layout, one test case per criterion, actual against expected. */
class JunitXmlTest {
  @Test
  void theReportMatchesItsGoldenCopy() throws Exception {
    Golden.check(JunitXml.of(SampleResults.small(), false), "JunitXmlTest/criteria.xml");
  }

  @Test
  void eachCriterionIsATestCaseAndTheCountsAddUp() throws Exception {
    Document d = parse(JunitXml.of(SampleResults.small(), false));
    Element suites = d.getDocumentElement();
    assertThat(suites.getTagName()).isEqualTo("testsuites");
    Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
    NodeList cases = suite.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(5);
    assertThat(suite.getAttribute("tests")).isEqualTo("5");
    assertThat(suite.getAttribute("failures")).isEqualTo("2");
    assertThat(suite.getAttribute("skipped")).isEqualTo("1");
    assertThat(suite.getAttribute("errors")).isEqualTo("0");
    assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-11-22T10:00:00");
    Element errorRate = (Element) cases.item(1);
    assertThat(errorRate.getAttribute("name")).isEqualTo("error_rate < 1%");
    Element failure = (Element) errorRate.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo("error_rate was 2.0%; expected < 1%");
    assertThat(failure.getTextContent()).contains("actual: 2.0%", "expected: < 1%", "scope: the whole run");
    Element warn = (Element) cases.item(3);
    assertThat(warn.getAttribute("name")).isEqualTo("p95 < 1s [/v1/chat/completions]");
    assertThat(((Element) warn.getElementsByTagName("skipped").item(0)).getAttribute("message"))
        .isEqualTo("warning: p95 was 1.96s; expected < 1s");
    assertThat(((Element) cases.item(4).getChildNodes()).getElementsByTagName("failure").item(0).getAttributes()
        .getNamedItem("message").getNodeValue()).isEqualTo("p50: no data; expected < 10ms");
  }

  @Test
  void strictTurnsMissedWarningsIntoFailures() throws Exception {
    Element suite = (Element) parse(JunitXml.of(SampleResults.small(), true)).getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("failures")).isEqualTo("3");
    assertThat(suite.getAttribute("skipped")).isEqualTo("0");
  }

  @Test
  void aRunStoppedEarlyIsAnError() throws Exception {
    RunResult r = SampleResults.small();
    RunStats s = r.stats();
    RunStats aborted = new RunStats(0, s.runSeconds(), s.warmupSeconds(), s.measuredSeconds(), s.endpoints(), s.total(),
        s.timeline(), 0, true);
    RunResult stopped = r.toBuilder().stats(aborted).build();
    Document d = parse(JunitXml.of(stopped, false));
    assertThat(d.getDocumentElement().getAttribute("errors")).isEqualTo("1");
    assertThat(d.getElementsByTagName("error").getLength()).isEqualTo(1);
    assertThat(d.getElementsByTagName("testcase").getLength()).isEqualTo(6);
  }

  /** A suite for the whole run, then one per phase with its grade; the totals add up over all. */
  @Test
  void eachPhaseIsATestSuiteWithItsCriteriaAndGrade() throws Exception {
    RunResult ladder = ResultReader.read(HtmlReportTest.LADDER);
    String xml = JunitXml.of(ladder, false);
    Golden.check(xml, "JunitXmlTest/phases.xml");
    Document d = parse(xml);
    NodeList suites = d.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(6);
    Element top = d.getDocumentElement();
    assertThat(top.getAttribute("tests")).isEqualTo("18");
    assertThat(top.getAttribute("failures")).isEqualTo("5");
    Element fourth = (Element) suites.item(4);
    assertThat(fourth.getAttribute("name")).isEqualTo("llm-gateway phase 16/s");
    assertThat(fourth.getAttribute("failures")).isEqualTo("2");
    assertThat(fourth.getElementsByTagName("property").item(4).getAttributes().getNamedItem("value").getNodeValue())
        .isEqualTo("POOR");
    assertThat(((Element) fourth.getElementsByTagName("testcase").item(0)).getAttribute("classname"))
        .isEqualTo("horde.llm-gateway.16/s");
  }

  /**
   * The Jenkins xUnit plugin checks every file against its junit-10.xsd (a copy beside the golden
   * files) and refuses one that does not validate; other readers take the same layout.
   */
  @Test
  void everyReportIsValidForTheJenkinsXunitSchema() throws Exception {
    Validator schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(Golden.DIR.resolve("JunitXmlTest/junit-10.xsd").toFile()).newValidator();
    RunResult ladder = ResultReader.read(HtmlReportTest.LADDER);
    for (RunResult r : List.of(SampleResults.small(), SampleResults.empty(), ladder, named(ladder, "gateway.v2 <&>"))) {
      for (boolean strict : List.of(false, true)) {
        schema.validate(new StreamSource(new StringReader(JunitXml.of(r, strict))));
      }
    }
  }

  /** A CI reads a class name as package.Class: the scenario's own dots must not split it. */
  @Test
  void aDotInTheScenarioNameDoesNotSplitTheClassName() throws Exception {
    Document d = parse(JunitXml.of(named(ResultReader.read(HtmlReportTest.LADDER), "gateway.v2.1"), false));
    NodeList cases = d.getElementsByTagName("testcase");
    assertThat(((Element) cases.item(0)).getAttribute("classname")).isEqualTo("horde.gateway_v2_1");
    assertThat(((Element) cases.item(cases.getLength() - 1)).getAttribute("classname")).isEqualTo("horde.gateway_v2_1.24/s");
    assertThat(((Element) d.getElementsByTagName("testsuite").item(0)).getAttribute("name")).isEqualTo("gateway.v2.1 criteria");
  }

  /** A criterion judges the measured part of its run or phase: that is its test's time. */
  @Test
  void eachTestCaseTakesTheTimeItsCriterionMeasured() throws Exception {
    NodeList small = parse(JunitXml.of(SampleResults.small(), false)).getElementsByTagName("testcase");
    for (int i = 0; i < small.getLength(); i++) assertThat(((Element) small.item(i)).getAttribute("time")).isEqualTo("2.500");
    RunResult ladder = ResultReader.read(HtmlReportTest.LADDER);
    Element phase = (Element) parse(JunitXml.of(ladder, false)).getElementsByTagName("testsuite").item(1);
    assertThat(((Element) phase.getElementsByTagName("testcase").item(0)).getAttribute("time"))
        .isEqualTo(String.format(java.util.Locale.ROOT, "%.3f", ladder.phases().getFirst().stats().measuredSeconds()))
        .isNotEqualTo("0.000");
  }

  private static RunResult named(RunResult r, String name) {
    Map<String, String> scenario = new LinkedHashMap<>(r.scenario());
    scenario.put("name", name);
    return r.toBuilder().scenario(scenario).build();
  }

  @Test
  void controlCharactersInNamesDoNotBreakTheXml() throws Exception {
    assertThat(Xml.escape("a\u0001b<c>&\"d\"\r")).isEqualTo("ab&lt;c&gt;&amp;&quot;d&quot;&#13;");
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
