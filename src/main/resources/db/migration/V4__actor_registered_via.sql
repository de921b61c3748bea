-- How an actor came into the register: added or imported by the study team, or registered by
-- itself through the study's open link (the team checks those before trusting them).
ALTER TABLE actor ADD COLUMN registered_via VARCHAR(20) DEFAULT 'study_team' NOT NULL;
