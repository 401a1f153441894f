package org.siarchive.checks;

/** The three gates of DA/T 70: 归档 (filing), 移交与接收 (transfer and receipt), 长期保存 (preservation). */
public enum Stage {
    GD("归档环节", "filing"),
    YJ("移交与接收环节", "transfer and receipt"),
    CQ("长期保存环节", "long-term preservation");

    private final String zh;
    private final String en;

    Stage(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String label(boolean english) {
        return english ? en : zh;
    }
}
