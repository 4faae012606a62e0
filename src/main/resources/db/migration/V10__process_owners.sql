-- Every business object records the process tree that owns it; steps act only on their own tree's objects.
alter table review add column process_instance_id varchar(64);
alter table selfcriticism_round add column process_instance_id varchar(64);

-- running reviews and rounds: the root instance that keeps the object's id in its variables
update review set process_instance_id = (
    select min(v.PROC_INST_ID_) from ACT_RU_VARIABLE v join ACT_RU_EXECUTION e on e.ID_ = v.PROC_INST_ID_
    where v.NAME_ = 'reviewId' and v.LONG_ = review.id and e.SUPER_EXEC_ is null);
update selfcriticism_round set process_instance_id = (
    select min(v.PROC_INST_ID_) from ACT_RU_VARIABLE v join ACT_RU_EXECUTION e on e.ID_ = v.PROC_INST_ID_
    where v.NAME_ = 'roundId' and v.LONG_ = selfcriticism_round.id and e.SUPER_EXEC_ is null);
