-- A person is one person across contests: their participant rows, one per contest they joined, share a person
-- key (the first row's id; NULL means the row is its own person). Joining another contest from the same chat
-- confirms the identity in one tap and copies it into that contest's row; erasing erases every row of the person.
ALTER TABLE participants ADD COLUMN person_id bigint REFERENCES participants;
CREATE INDEX participants_person ON participants (person_id) WHERE person_id IS NOT NULL;
