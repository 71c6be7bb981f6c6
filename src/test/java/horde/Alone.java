package horde;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class whose assertions are about time (latencies against a known delay, rates, slopes, the
 * generator's own lag): it runs after the rest, with no other test beside it. The rest run in two
 * JVMs at once (pom.xml), which a 2-core machine holds for tests that mostly wait on servers and
 * processes, but which would move these figures.
 */
@Tag("alone")
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Alone {}
