package vn.qcdc.targets;

import java.util.List;
import java.util.Set;

/**
 * A capability's contribution to the targets dashboard: the units' figures for the targets it can
 * compute. Where several providers answer for the same unit and target, a computed figure wins over a
 * self-reported one.
 */
public interface TargetFigureProvider {

    Set<Target> targets();

    List<UnitFigure> figures(Target target, int year);
}
