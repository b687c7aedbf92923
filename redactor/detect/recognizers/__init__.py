"""redactor's code recognizers: Presidio ``EntityRecognizer`` classes for rules a pattern cannot express.

Importing this package defines the classes, which is what lets
``models/recognizers.yaml`` list them by class name like Presidio's own.
"""
from .allegation import AllegationListRecognizer, AllegationRecognizer
from .case_date import CaseDateRecognizer
from .correspondence_name import CorrespondenceNameRecognizer
from .email import OfflineEmailRecognizer
from .foreign_script import ForeignScriptNameRecognizer
from .given_name import GivenNameRecognizer
from .labelled_field import LabelledFieldRecognizer
from .opinion_clause import OpinionClauseRecognizer
from .party_support import PartySupportRecognizer
from .proper_noun_name import ProperNounNameRecognizer
from .role_name import RoleNameRecognizer
from .table_column import TableColumnRecognizer
from .titled_name import TitledNameRecognizer
from .uk_address import UkAddressRecognizer

__all__ = [
    "AllegationListRecognizer",
    "AllegationRecognizer",
    "CaseDateRecognizer",
    "CorrespondenceNameRecognizer",
    "ForeignScriptNameRecognizer",
    "GivenNameRecognizer",
    "LabelledFieldRecognizer",
    "OfflineEmailRecognizer",
    "OpinionClauseRecognizer",
    "PartySupportRecognizer",
    "ProperNounNameRecognizer",
    "RoleNameRecognizer",
    "TableColumnRecognizer",
    "TitledNameRecognizer",
    "UkAddressRecognizer",
]
