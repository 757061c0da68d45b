package org.threadlab.sample;

/**
 * One core over the last interval, as fractions 0..1 of that interval (from tick deltas).
 *
 * @param id          core number, or -1 for all cores together
 * @param iowait      NaN where the system does not report it
 * @param utilisation 1 - idle - iowait: how busy the core was
 * @param history     utilisation of the last samples, oldest first
 */
public record CoreSample(int id, double user, double system, double iowait, double idle, double utilisation,
                         History history) {}
