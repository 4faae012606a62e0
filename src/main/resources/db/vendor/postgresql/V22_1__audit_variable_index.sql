-- The audit search by unit (a subtree of units) and by kind, starting from the values. Partial: a text value
-- may hold 4,000 characters, more than a B-tree entry takes; these two variables hold short codes.
create index qcdc_hi_varinst_value on ACT_HI_VARINST (NAME_, TEXT_, PROC_INST_ID_) where NAME_ in ('unitCode', 'kind');
