-- The audit search by unit (a subtree of units) and by kind, starting from the values.
create index qcdc_hi_varinst_value on ACT_HI_VARINST (NAME_, TEXT_, PROC_INST_ID_);
