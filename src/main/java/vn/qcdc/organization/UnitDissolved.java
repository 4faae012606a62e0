package vn.qcdc.organization;

/** Published inside the reorganisation's transaction: capabilities move their open work along. */
public record UnitDissolved(String unitCode, String successorCode) {
}
