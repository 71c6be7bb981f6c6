package horde.plan;

import horde.template.BoundTemplate;

/** A request header or query parameter: its name, and its value, which may be templated. */
public record ParamPlan(String name, BoundTemplate value) {}
