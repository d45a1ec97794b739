package uk.sectorgraph.analysis.impact;

/**
 * The effect of the shock on one industry.
 *
 * @param finalDemandChange      Δf_i (regional)
 * @param regionalOutputChange   Δx_i^r = (L^r · Δf)_i, £m, inside the area
 * @param nationalOutputChange   (L · Δf)_i, £m, anywhere in the UK
 * @param regionCount            r_i, the area's count (companies or employees)
 * @param nationCount            n_i
 * @param slq                    SLQ_i
 * @param leakage                share of i's domestic inputs bought from outside the area
 * @param allocated              whether the area has organisations in i to allocate Δx_i^r to
 */
public record IndustryImpact(String code, String name, double finalDemandChange, double regionalOutputChange,
    double nationalOutputChange, double regionCount, double nationCount, double slq, double leakage, boolean allocated) {}
