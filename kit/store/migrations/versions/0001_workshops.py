"""Workshops, their rounds and the participants' submissions.

Create Date: 2025-01-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0001_workshops"
down_revision = None


def upgrade() -> None:
    op.create_table(
        "workshops",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(16), nullable=False, comment="The code participants type to join."),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("code", name="uq_workshops_code"),
    )
    op.create_table(
        "rounds",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("workshop_id", sa.Integer(), sa.ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("number", sa.Integer(), nullable=False, comment="1, 2, … within the workshop."),
        sa.Column("template_id", sa.String(100), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.String(200), nullable=False, comment="Case.id of the generated case."),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("workshop_id", "number", name="uq_rounds_workshop_number"),
        sa.CheckConstraint("status IN ('open', 'closed', 'revealed')", name="ck_rounds_status"),
    )
    op.create_table(
        "submissions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("round_id", sa.Integer(), sa.ForeignKey("rounds.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("participant", sa.String(100), nullable=False),
        sa.Column("level", sa.String(32), nullable=False,
                  comment="A level key (no_penalty … aggravated) or transfer."),
        sa.Column("fine", sa.Float(), nullable=True, comment="Yuan; NULL for no fine."),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("round_id", "participant", name="uq_submissions_round_participant"),
    )


def downgrade() -> None:
    op.drop_table("submissions")
    op.drop_table("rounds")
    op.drop_table("workshops")
