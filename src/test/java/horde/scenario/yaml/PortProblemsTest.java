package horde.scenario.yaml;

import static horde.scenario.yaml.Loading.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A URL's port must be one a socket can use: 1 to 65535, pointed at where it is written. */
class PortProblemsTest {
  @Test
  void aTargetPortOutOfRange() {
    assertThat(problems("target: http://127.0.0.1:99999\ntasks: [get: /]\n"))
        .containsExactly("1:26 target: port 99999 is out of range; a port is 1 to 65535");
    assertThat(problems("target: http://127.0.0.1:0/v1\ntasks: [get: /]\n"))
        .containsExactly("1:26 target: port 0 is out of range; a port is 1 to 65535");
    assertThat(problems("target: http://127.0.0.1:99999999999\ntasks: [get: /]\n"))
        .containsExactly("1:26 target: port 99999999999 is out of range; a port is 1 to 65535");
  }

  @Test
  void anAbsoluteRequestUrlWithABadPort() {
    assertThat(problems("target: http://127.0.0.1:8000\ntasks:\n  - get: https://[::1]:70000/x\n"))
        .containsExactly("3:24 get: port 70000 is out of range; a port is 1 to 65535");
  }

  @Test
  void goodPortsAndTemplatedUrlsLoad() {
    Loading.load("target: http://127.0.0.1:65535\ntasks:\n  - get: http://h:1/x\n  - get: ${base}:99999/x\n"
        + "variables: {base: http://h}\n");
  }
}
