package org.siarchive.disposition;

import org.siarchive.shared.ConflictException;
import org.siarchive.shared.Labelled;

/**
 * The states of an appraisal batch (鉴定批次, the real schema's ug40, domain.md §1.5): 未鉴定 → 已鉴定未审核 →
 * 已鉴定已审核 → 销毁已执行/延期未执行 | 延期已执行/销毁未执行 → 全部完成（锁定）. The leader may return an appraised
 * batch to the group. Extensions (this part) and destructions (the destruction part) may be executed in
 * either order; the batch is completed, and locked, once both are done. Every transition is here.
 */
public enum BatchState implements Labelled {
    UNAPPRAISED,
    APPRAISED,
    APPROVED,
    DESTROYED_NOT_EXTENDED,
    EXTENDED_NOT_DESTROYED,
    COMPLETED;

    @Override
    public String labelKey() {
        return "disposition.batch.state." + name();
    }

    /** The group's work (members, decisions, opinions) is open only while 未鉴定. */
    public BatchState requireOpenForAppraisal(String batchNo) {
        return require(UNAPPRAISED, batchNo);
    }

    /** 未鉴定 → 已鉴定未审核. */
    public BatchState appraise(String batchNo) {
        require(UNAPPRAISED, batchNo);
        return APPRAISED;
    }

    /** 已鉴定未审核 → 已鉴定已审核. */
    public BatchState approve(String batchNo) {
        require(APPRAISED, batchNo);
        return APPROVED;
    }

    /** 已鉴定未审核 → 未鉴定: the leader returns it to the group. */
    public BatchState sendBack(String batchNo) {
        require(APPRAISED, batchNo);
        return UNAPPRAISED;
    }

    /** After the extensions were executed: completed unless destructions are still pending. */
    public BatchState afterExtensions(boolean destructionsPending, String batchNo) {
        if (this == DESTROYED_NOT_EXTENDED) {
            return COMPLETED;
        }
        require(APPROVED, batchNo);
        return destructionsPending ? EXTENDED_NOT_DESTROYED : COMPLETED;
    }

    /** After the destructions were executed: completed unless extensions are still pending. */
    public BatchState afterDestructions(boolean extensionsPending, String batchNo) {
        if (this == EXTENDED_NOT_DESTROYED) {
            return COMPLETED;
        }
        require(APPROVED, batchNo);
        return extensionsPending ? DESTROYED_NOT_EXTENDED : COMPLETED;
    }

    /** Whether extensions may be executed now. */
    public boolean extensionsDue() {
        return this == APPROVED || this == DESTROYED_NOT_EXTENDED;
    }

    /** Whether destructions may be executed now. */
    public boolean destructionsDue() {
        return this == APPROVED || this == EXTENDED_NOT_DESTROYED;
    }

    /** 409 naming the rule: locked once completed, otherwise not in the state this step needs. */
    public BatchState require(BatchState needed, String batchNo) {
        if (this == COMPLETED && needed != COMPLETED) {
            throw new ConflictException("disposition.batch.conflict.locked", batchNo);
        }
        if (this != needed) {
            throw new ConflictException("disposition.batch.conflict.needs" + needed.name(), batchNo);
        }
        return this;
    }
}
