package com.gridcare.ops;

import com.gridcare.dataset.GenerateCommand;
import com.gridcare.faq.FaqEvalCommand;
import com.gridcare.importer.ImportCommand;
import com.gridcare.reminder.ChannelEvalCommand;
import com.gridcare.risk.RiskEvalCommand;
import com.gridcare.staff.StaffPasswordCommand;

import picocli.CommandLine.Command;

@Command(name = "gridcare", mixinStandardHelpOptions = true,
        description = "Operator commands of the gridcare service. Run the jar without arguments to start the service.",
        subcommands = { GenerateCommand.class, ImportCommand.class, FaqEvalCommand.class,
                RiskEvalCommand.class, ChannelEvalCommand.class, StaffPasswordCommand.class })
public class OperatorCommands {
}
