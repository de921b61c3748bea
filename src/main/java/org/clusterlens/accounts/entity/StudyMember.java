package org.clusterlens.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Set;

/**
 * A user's place in one study's team: an agent runs its fieldwork, a lead reads its results. The
 * study is held by id, so that accounts do not depend on studies.
 */
@Entity
@Table(name = "study_member")
@NamedQuery(name = StudyMember.OF_STUDY,
        query = "SELECT m FROM StudyMember m JOIN FETCH m.user WHERE m.studyId = :study ORDER BY m.role, m.user.email")
@NamedQuery(name = StudyMember.ONE,
        query = "SELECT m FROM StudyMember m WHERE m.studyId = :study AND m.user.email = :email")
@NamedQuery(name = StudyMember.STUDIES_OF,
        query = "SELECT m.studyId FROM StudyMember m WHERE m.user.email = :email")
@NamedQuery(name = StudyMember.OF_USER, query = "SELECT m FROM StudyMember m WHERE m.user = :user")
public class StudyMember {
    public static final String OF_STUDY = "StudyMember.ofStudy";
    public static final String ONE = "StudyMember.one";
    public static final String STUDIES_OF = "StudyMember.studiesOf";
    public static final String OF_USER = "StudyMember.ofUser";

    @Id
    @SequenceGenerator(name = "study_member_seq", sequenceName = "study_member_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "study_member_seq")
    private Long id;

    @Column(name = "study_id", nullable = false, updatable = false)
    private long studyId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private User user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "added_by", nullable = false)
    private String addedBy;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected StudyMember() {
    }

    public StudyMember(long studyId, User user, Role role, String addedBy) {
        this.studyId = studyId;
        this.user = user;
        this.addedBy = addedBy;
        this.addedAt = Instant.now();
        changeRole(role);
    }

    /** A team has agents and leads; administering is a global role, not a place in a team. */
    public void changeRole(Role newRole) {
        if (newRole == Role.admin) {
            throw new IllegalArgumentException("a study member is an agent or a lead");
        }
        if (!mayBe(user, newRole)) {
            throw new IllegalArgumentException(user.email() + " may not be a " + newRole + " (roles " + user.roleNames() + ")");
        }
        this.role = newRole;
    }

    /** Running a study's fieldwork takes an agent's account; any staff account may read as a lead. */
    public static boolean mayBe(User user, Role teamRole) {
        Set<Role> roles = user.roles();
        return switch (teamRole) {
            case agent -> roles.contains(Role.agent) || roles.contains(Role.admin);
            case lead -> !roles.isEmpty();
            case admin -> false;
        };
    }

    /**
     * What the member may do in the study: their team role, but never more than their account's
     * roles allow today (an agent whose account became lead-only reads like a lead).
     */
    public Role effectiveRole() {
        if (mayBe(user, role)) {
            return role;
        }
        return mayBe(user, Role.lead) ? Role.lead : null;
    }

    public Long id() {
        return id;
    }

    public long studyId() {
        return studyId;
    }

    public User user() {
        return user;
    }

    public Role role() {
        return role;
    }

    public Instant addedAt() {
        return addedAt;
    }
}
