package vn.lienthong.adapter.legacy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A named sequence kept in a row (portable, no IDENTITY): read with a write lock, then advanced. */
@Entity
@Table(name = "legacy_counter")
public class LegacyCounter {

    @Id
    private String name;
    @Column(name = "next_value")
    private long nextValue;

    protected LegacyCounter() {
        // for JPA
    }

    public long take() {
        return nextValue++;
    }

    /** Reserves {@code count} consecutive values; returns the first. */
    public long take(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        long first = nextValue;
        nextValue += count;
        return first;
    }
}
