"""The drill's progress: submitted answers and each officer's review queue.

Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0003_issue13_drill_progress"
down_revision = "0002_issue12_workshop_hall"


def upgrade() -> None:
    op.create_table(
        "drill_attempts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("officer", sa.String(100), nullable=False, index=True, comment="The officer's name or hub user."),
        sa.Column("case_id", sa.String(200), nullable=False, comment="Case.id of the generated case."),
        sa.Column("template_id", sa.String(100), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("target", sa.String(32), nullable=True, comment="Outcome asked of the generator."),
        sa.Column("sector", sa.String(100), nullable=False, comment="The matter's sector, as the library names it."),
        sa.Column("matter", sa.String(100), nullable=False, comment="The matter id."),
        sa.Column("first", sa.Boolean(), nullable=False, comment="The first submission of this case by this officer."),
        sa.Column("review", sa.Boolean(), nullable=False, comment="Answered when the case came back for review."),
        sa.Column("right", sa.Boolean(), nullable=False, comment="Every part right."),
        sa.Column("points", sa.Float(), nullable=False),
        sa.Column("max_points", sa.Float(), nullable=False),
        sa.Column("parts", sa.Text(), nullable=False, comment="JSON: each part's name and status."),
        sa.Column("missed", sa.Text(), nullable=False, comment="JSON: citations of the provisions and factors missed."),
        sa.Column("answered_on", sa.Date(), nullable=False, comment="The drill's day (its clock) of the answer."),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "drill_reviews",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("officer", sa.String(100), nullable=False, index=True),
        sa.Column("case_id", sa.String(200), nullable=False),
        sa.Column("template_id", sa.String(100), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("target", sa.String(32), nullable=True),
        sa.Column("box", sa.Integer(), nullable=False, comment="1, 2 or 3."),
        sa.Column("due", sa.Date(), nullable=False, comment="The day the case comes back."),
        sa.UniqueConstraint("officer", "case_id", name="uq_drill_reviews_officer_case"),
    )


def downgrade() -> None:
    op.drop_table("drill_reviews")
    op.drop_table("drill_attempts")
