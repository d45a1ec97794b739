/**
 * Input-output analysis on the ONS UK Input-Output Analytical Tables (IOAT), industry by industry.
 *
 * <p>{@link uk.sectorgraph.analysis.io.IoTableCsvReader} reads the ONS CSV layout into an immutable
 * {@link uk.sectorgraph.analysis.io.IoTable}; {@link uk.sectorgraph.analysis.io.LeontiefModel} turns
 * direct requirements into total requirements and Type I output multipliers;
 * {@link uk.sectorgraph.analysis.io.LocationQuotients} and
 * {@link uk.sectorgraph.analysis.io.RegionalModel} regionalise the national table (SLQ or Flegg's FLQ);
 * {@link uk.sectorgraph.analysis.io.SicIndustryMapping} puts a company's SIC 2007 code into one of the
 * 105 IOAT industries so regional counts can be built from Companies House data.
 */
package uk.sectorgraph.analysis.io;
