"""The workshop hall: a trainer key per workshop, participants with a token and a name unique per workshop,
rounds that can be reopened and decided by any tier's authority.

Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0002_issue12_workshop_hall"
down_revision = "0001_workshops"


def upgrade() -> None:
    with op.batch_alter_table("workshops") as batch:
        batch.add_column(sa.Column("trainer_key_hash", sa.String(64), nullable=True,
                                   comment="SHA-256 of the trainer key (the key is shown once)."))
    with op.batch_alter_table("rounds") as batch:
        batch.add_column(sa.Column("shown_at", sa.DateTime(timezone=True), nullable=True,
                                   comment="When the round was last opened or reopened: the latest is on screen."))
        batch.add_column(sa.Column("authority", sa.String(100), nullable=True,
                                   comment="The deciding authority when not the template's (any tier of the library)."))
    op.create_table(
        "participants",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("workshop_id", sa.Integer(), sa.ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("name", sa.String(40), nullable=False, comment="Unique within the workshop."),
        sa.Column("token_hash", sa.String(64), nullable=False, comment="SHA-256 of the phone's token (cookie)."),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("workshop_id", "name", name="uq_participants_workshop_name"),
        sa.UniqueConstraint("token_hash", name="uq_participants_token_hash"),
    )


def downgrade() -> None:
    op.drop_table("participants")
    with op.batch_alter_table("rounds") as batch:
        batch.drop_column("authority")
        batch.drop_column("shown_at")
    with op.batch_alter_table("workshops") as batch:
        batch.drop_column("trainer_key_hash")
