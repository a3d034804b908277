/**
 * What every service shares: the exceptions that carry a refused request's status, the Rule
 * codes of a 422, paging, the unit of work and after-commit hooks. Nothing here knows FHIR or HTTP.
 */
package dev.missive.service;
