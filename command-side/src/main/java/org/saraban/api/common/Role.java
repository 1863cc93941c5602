package org.saraban.api.common;

/** Roles of a person in an agency (API.md "Conventions"). */
public enum Role {
    /** เจ้าหน้าที่สารบรรณ: registers, sends, receives, routes. */
    CLERK,
    /** drafts letters, acts on routed letters. */
    OFFICER,
    /** approves or returns drafts. */
    APPROVER,
    /** ผู้ลงนาม. */
    SIGNER,
    /** เจ้าหน้าที่เก็บรักษา. */
    RECORDS_OFFICER,
    ADMIN
}
