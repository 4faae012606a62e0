package vn.qcdc.identity;

import java.util.Collection;
import java.util.Set;

/**
 * The units a supervisor oversees: each unit where they hold the role and every unit below it in the organisation
 * tree as it stands today. Answered by the organisation module; identity only asks.
 */
public interface SupervisedUnits {

    Set<String> withSubtrees(Collection<String> unitCodes);
}
