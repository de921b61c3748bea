-- Invitation emails go out after the invitations are committed, in the background; each
-- invitation says how its last email fared: QUEUED, SENT or FAILED (with the reason), or nothing.
ALTER TABLE invitation ADD COLUMN email_status VARCHAR(16);
ALTER TABLE invitation ADD COLUMN email_error VARCHAR(300);
