package vn.lienthong.adapter.alerting.entity;

/** The people an organisation names to receive alerts (Lai Châu letter, item 3). */
public enum ContactRole {
    /** Văn thư: the records clerk. */
    RECORDS_CLERK,
    /** Cán bộ kỹ thuật: technical staff. */
    TECHNICAL
}
