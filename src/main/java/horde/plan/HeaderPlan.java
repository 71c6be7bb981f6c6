package horde.plan;

import horde.template.BoundTemplate;

/** A request header whose value may be templated. */
public record HeaderPlan(String name, BoundTemplate value) {}
